import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20000,
          // Most of these wait on the disk, child processes and timers more than they compute, so even a two-core
          // machine runs two files at once (vitest's default there is one). In CI the unit files took 403 s one at a
          // time, and 309-355 s two at a time.
          maxWorkers: Math.max(2, availableParallelism() - 1),
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60000,
          hookTimeout: 60000,
          // One Chromium at a time: the machine has two cores and the suite shares one build.
          fileParallelism: false,
        },
      },
    ],
  },
})
