import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";

/** Debian's Chromium; never a browser downloaded by Playwright (there is no internet here). */
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

/** Headless Chromium with no background networking (the machine's closed network refuses it). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}
