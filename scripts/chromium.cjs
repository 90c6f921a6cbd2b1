// Chromium for e2e tests and benchmarks: Debian's build unless CHROMIUM_PATH says otherwise,
// with the flags measured to work on the shared 2-core build machines (headless, no sandbox, no background networking).
const { existsSync } = require('node:fs');

function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined; // Playwright's own browser, where one is installed
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function chromiumLaunchOptions(extraArgs = []) {
  return { executablePath: chromiumExecutable(), args: [...CHROMIUM_ARGS, ...extraArgs] };
}

module.exports = { chromiumExecutable, chromiumLaunchOptions, CHROMIUM_ARGS };
