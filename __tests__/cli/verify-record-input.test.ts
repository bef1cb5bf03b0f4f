// verify-record reads its record like every record named on the command line: a path that cannot
// be read says why (no such file, a directory), a file that is not a record says so; exit 3 each.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-verify-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function verify(path: string) {
  let stderr = '';
  const code = await main(['verify-record', path], {
    stdout: { write: () => undefined },
    stderr: { write: (text: string) => void (stderr += text) },
    env: {},
    version: 'test',
    cwd: dir,
  });
  return { code, stderr };
}

describe('verify-record input', () => {
  it('a missing record: no such file', async () => {
    const missing = join(dir, 'missing.json');
    expect(await verify(missing)).toEqual({
      code: 3,
      stderr: expect.stringContaining(`cannot read record ${missing}: no such file`),
    });
  });

  it('a directory is unreadable with the reason, not "not a decision record"', async () => {
    const result = await verify(dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`cannot read record ${dir}: EISDIR`);
  });

  it('a file that is not a record says what is expected', async () => {
    const notRecord = join(dir, 'x.json');
    writeFileSync(notRecord, '{"hello": 1}');
    const result = await verify(notRecord);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `${notRecord} is not a decision record (expected the decision-record.json the gate writes)`,
    );
  });
});
