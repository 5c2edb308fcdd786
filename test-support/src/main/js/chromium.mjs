// Debian's chromium for the real-client tests, headless and without the sandbox (tests run as root) or any of
// its own network traffic (this machine's closed network refuses it). CHROMIUM names another executable.
import { chromium } from 'playwright-core';

const OPTIONS = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export function launchChromium() {
  return chromium.launch(OPTIONS);
}

/** A Chromium that several processes share, each connecting to its wsEndpoint() with {@link connectChromium}. */
export function launchChromiumServer() {
  return chromium.launchServer(OPTIONS);
}

export function connectChromium(wsEndpoint) {
  return chromium.connect(wsEndpoint);
}
