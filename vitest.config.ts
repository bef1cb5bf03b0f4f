import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's default on 2 cores is one worker, so files run one after another; most of the
    // suite waits on child processes (the built CLI, git, commands that sleep or time out), so
    // three files at a time overlap that waiting without starving the CPU.
    maxWorkers: 3,
  },
});
