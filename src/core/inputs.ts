import { InputError } from "./errors";

/** A text input field, trimmed: null when left out, BAD_USER_INPUT naming the field when blank or too long. */
export function optionalText(value: string | null | undefined, field: string, maxLength = 2000): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === "" || text.length > maxLength)
    throw new InputError(`${field} must hold 1 to ${maxLength} characters, or be left out`, field);
  return text;
}

/** A text input field that must be given. */
export function requiredText(value: string | null | undefined, field: string, maxLength = 2000): string {
  if (value === null || value === undefined) throw new InputError(`${field} is required`, field);
  const text = value.trim();
  if (text === "" || text.length > maxLength) throw new InputError(`${field} must hold 1 to ${maxLength} characters`, field);
  return text;
}

/** An absolute URL with one of `schemes` and a dotted host name, trimmed; BAD_USER_INPUT naming the field otherwise. */
export function absoluteUrl(value: string, field: string, schemes: readonly string[] = ["http:", "https:"]): string {
  let url: URL | null = null;
  try {
    url = new URL(value.trim());
  } catch {
    url = null;
  }
  if (!url || !schemes.includes(url.protocol) || !url.hostname.includes(".")) {
    throw new InputError(
      `${field} must be an absolute ${schemes.map((s) => s.slice(0, -1)).join(" or ")} URL, e.g. https://www.gb.go.kr/`,
      field,
    );
  }
  return value.trim();
}
