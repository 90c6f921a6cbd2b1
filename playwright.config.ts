import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';
import { BASE_URL } from './e2e/helpers';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.test-summary/e2e.json' }]],
  use: {
    baseURL: BASE_URL,
    launchOptions: chromiumLaunchOptions(),
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'off',
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
  },
  webServer: {
    // The port comes from PORT through vite.config.mts's preview settings.
    command: 'npx vite preview',
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
