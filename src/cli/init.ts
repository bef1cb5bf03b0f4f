// `cutover-checkpoint init`: writes the starter config and workflow, never over existing files
// unless --force.

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DEFAULT_CONFIG_PATH } from './args.js';
import { UsageError } from './usage-error.js';
import { STARTER_CONFIG, STARTER_WORKFLOW } from './init-templates.js';

/** Writes the starter files under `cwd`; resolves to exit code 0, throws UsageError to refuse. */
export async function init(
  cwd: string,
  force: boolean,
  io: { stdout: { write(text: string): void } },
): Promise<number> {
  const files = [
    [resolve(cwd, DEFAULT_CONFIG_PATH), STARTER_CONFIG],
    [resolve(cwd, '.github/workflows/cutover-checkpoint.yml'), STARTER_WORKFLOW],
  ] as const;
  const existing = files.filter(([path]) => existsSync(path)).map(([path]) => path);
  if (existing.length > 0 && !force)
    throw new UsageError(`refusing to overwrite ${existing.join(', ')} (use --force)`);
  for (const [path, text] of files) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    io.stdout.write(`wrote ${path}\n`);
  }
  io.stdout.write(`next: edit ${DEFAULT_CONFIG_PATH}, then run \`cutover-checkpoint validate\`\n`);
  return 0;
}
