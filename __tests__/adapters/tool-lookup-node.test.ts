// `node --version` is answered from process.version only when PATH's node is this very binary
// (issue 10: one process fewer per run); any other node is still probed.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createToolLookup } from '../../src/adapters/tool-lookup.js';
import type { ToolConfig } from '../../src/core/config/config-types.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-node-lookup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tool: ToolConfig = { name: 'node', versionArgs: ['--version'], minVersion: '1.0.0' };

describe('the node tool', () => {
  it('a PATH hit that is this binary (through a symlink) reports process.version', async () => {
    const bin = join(dir, 'self');
    symlinkSync(join(process.execPath, '..'), bin);
    const found = await createToolLookup(bin, {}).lookup([tool]);
    expect(found.node).toMatchObject({
      found: true,
      versionOutput: process.version,
      versionExitCode: 0,
    });
  });

  it('another program named node is run, and its answer kept', async () => {
    const bin = join(dir, 'other');
    mkdirSync(bin);
    writeFileSync(join(bin, 'node'), '#!/bin/sh\necho v0.0.1-shim\nexit 3\n', { mode: 0o755 });
    const found = await createToolLookup(bin, { PATH: '/usr/bin:/bin' }).lookup([tool]);
    expect(found.node).toMatchObject({ versionOutput: 'v0.0.1-shim', versionExitCode: 3 });
  });
});

describe('finding a tool on PATH', () => {
  it('is the one search git uses: no relative directory, no directory named like the tool', async () => {
    const bin = join(dir, 'search');
    mkdirSync(join(bin, 'shadowed'), { recursive: true });
    writeFileSync(join(bin, 'only-here'), '#!/bin/sh\n', { mode: 0o755 });
    const lookup = (name: string, path: string) =>
      createToolLookup(path, {}).lookup([{ name, versionArgs: ['--version'] }]);
    expect((await lookup('only-here', bin))['only-here']).toEqual({
      found: true,
      path: join(bin, 'only-here'),
    });
    // A directory of the workspace on PATH (relative: resolved against the gate's cwd) names
    // a program the change controls; a directory is not a program.
    const fromCwd = relative(process.cwd(), bin);
    expect(fromCwd).not.toMatch(/^\//);
    expect((await lookup('only-here', fromCwd))['only-here']).toEqual({ found: false });
    expect((await lookup('shadowed', bin)).shadowed).toEqual({ found: false });
  });
});
