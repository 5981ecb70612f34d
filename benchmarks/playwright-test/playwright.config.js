// The system Chromium, one worker, no retries, no trace: the same browser and switches as the Java variants.
const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: '.',
  testMatch: 'journey.spec.js',
  workers: 1,
  // The Java variants have no journey timeout: on a busy machine a journey can take longer than the default 30 s.
  timeout: 600000,
  retries: 0,
  // 'list' passes the test's console output through (the null reporter swallows it, and with it the timing).
  reporter: 'list',
  expect: { timeout: 5000 },
  use: {
    headless: true,
    trace: 'off',
    screenshot: 'off',
    video: 'off',
    viewport: { width: 1366, height: 900 },
    launchOptions: { executablePath: process.env.FLOWS_BENCH_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] },
  },
});
