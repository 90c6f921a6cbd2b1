import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.test-summary/e2e.json' }]],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    launchOptions: chromiumLaunchOptions(),
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'off',
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
  },
  webServer: {
    command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
