// The no-survivor checks can fail: a live process is found by its command line.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, it } from 'vitest';
import { commandLines, survivors } from './command-lines.js';

it('lists a live process as `ps -eo args` shows it, and not once it ended', async () => {
  const sleeper = spawn('sleep', ['250.37'], { stdio: 'ignore' });
  await once(sleeper, 'spawn');
  try {
    expect(survivors('250.37')).toEqual(['sleep 250.37']);
  } finally {
    sleeper.kill();
    await once(sleeper, 'exit');
  }
  expect(commandLines()).not.toContain('sleep 250.37');
});
