import { InputError } from "./errors";

/**
 * Digits after the decimal point of the currencies NEAR's members and partners use
 * (ISO 4217). Amounts are kept as integers of the minor unit: never floats.
 */
const MINOR_UNIT_DIGITS: Readonly<Record<string, number>> = {
  KRW: 0,
  JPY: 0,
  VND: 0,
  CNY: 2,
  USD: 2,
  EUR: 2,
  RUB: 2,
  MNT: 2,
  KPW: 2,
};

export function currencyDigits(currency: string, argumentName: string): number {
  const digits = MINOR_UNIT_DIGITS[currency.trim().toUpperCase()];
  if (digits === undefined) {
    throw new InputError(
      `${argumentName}: unknown currency "${currency}"; use one of ${Object.keys(MINOR_UNIT_DIGITS).join(", ")}`,
      argumentName,
    );
  }
  return digits;
}

/** "1500000" KRW or "12345.67" USD → integer minor units; BAD_USER_INPUT for anything else. */
export function parseAmount(text: string, digits: number, argumentName: string): bigint {
  const match = /^(-)?(\d{1,18})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) {
    throw new InputError(`${argumentName}: "${text}" is not a decimal amount such as "1500000" or "12345.67"`, argumentName);
  }
  if (match[1]) throw new InputError(`${argumentName} must not be negative, got ${text}`, argumentName);
  const fraction = match[3] ?? "";
  if (fraction.length > digits) {
    throw new InputError(`${argumentName}: "${text}" has ${fraction.length} decimals; this currency has ${digits}`, argumentName);
  }
  return BigInt(match[2]) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
}

export function formatAmount(minor: bigint, digits: number): string {
  if (digits === 0) return minor.toString();
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, "0");
  return `${negative ? "-" : ""}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
