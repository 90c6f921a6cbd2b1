export { chromiumExecutable, chromiumLaunchOptions, CHROMIUM_ARGS } from '../scripts/chromium.cjs';
