import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'src/admin/**'],
    // Deadlines are about China Standard Time whatever the server's zone: the suite runs under another zone on purpose.
    env: { TZ: 'America/Los_Angeles' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: run files in parallel, but not so many that browser and crash tests starve.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
