import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium, never a downloaded one; flags keep it off the closed network.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// `env` adds to the environment Chromium sees (e.g. FONTCONFIG_FILE to choose its fonts).
export function launchBrowser(env: Record<string, string> = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    env: { ...process.env, ...env },
  });
}

export const VIEWPORTS = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
  phone: { width: 390, height: 844 },
} as const;
