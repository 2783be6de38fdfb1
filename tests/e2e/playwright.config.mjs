import { defineConfig } from '@playwright/test';

// E2E_PORT and E2E_DIST let several builds be tested side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist';
const basePath = '/some/sub-path/';

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}${basePath}`,
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node tests/e2e/server.mjs`,
    cwd: '../..',
    env: { PORT: String(port), BASE_PATH: basePath, DIST: dist },
    url: `http://127.0.0.1:${port}${basePath}`,
    reuseExistingServer: false,
  },
});
