// Debian's chromium for the real-client tests, headless and without the sandbox (tests run as root) or any of
// its own network traffic (this machine's closed network refuses it). CHROMIUM names another executable.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
