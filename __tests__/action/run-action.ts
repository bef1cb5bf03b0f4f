// Runs the built dist/index.js the way the runner does: INPUT_* variables with action.yml's
// defaults applied, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, GITHUB_EVENT_PATH with a real
// webhook payload, GITHUB_API_URL at a local server. Asynchronous, so the fake server can answer.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};
export const TOKEN = 'ghs_0123456789abcdefghijklmnopqrstuvwxyzAB';

export interface ActionRun {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  /** What was left in the runner's other channel files (GITHUB_ENV, GITHUB_PATH, GITHUB_STATE). */
  channels: { env: string; path: string; state: string };
  ms: number;
}

export interface ActionRunOptions {
  workspace: string;
  apiUrl?: string;
  event: string;
  /** A fixture file name under __tests__/github/fixtures, or a payload object. */
  payload: string | Record<string, unknown>;
  inputs?: Record<string, string>;
  sha?: string;
  /** Further variables the runner would set (ACTIONS_RUNTIME_TOKEN, …). */
  env?: Record<string, string>;
}

export function fixturePayload(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(ROOT, '__tests__', 'github', 'fixtures', name), 'utf8'),
  ) as Record<string, unknown>;
}

export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-runner-files-'));
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary'),
    event: join(dir, 'event.json'),
    env: join(dir, 'env'),
    path: join(dir, 'path'),
    state: join(dir, 'state'),
  };
  for (const file of [files.output, files.summary, files.env, files.path, files.state])
    writeFileSync(file, '');
  writeFileSync(
    files.event,
    JSON.stringify(
      typeof options.payload === 'string' ? fixturePayload(options.payload) : options.payload,
    ),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STATE: files.state,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: options.event,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SHA: options.sha ?? 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '42',
    GITHUB_SERVER_URL: 'https://github.example',
    // Never the real API: a run without a local server points at a closed port.
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    ...options.env,
  };
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = options.inputs?.[name] ?? spec.default ?? '';
    env[`INPUT_${name.toUpperCase()}`] = value === '${{ github.token }}' ? TOKEN : value;
  }
  const start = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stdout += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(killer);
  const outputs: Record<string, string> = {};
  for (const match of readFileSync(files.output, 'utf8').matchAll(
    /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm,
  ))
    outputs[match[1]!] = match[3]!;
  return {
    status,
    stdout,
    outputs,
    summary: readFileSync(files.summary, 'utf8'),
    channels: {
      env: readFileSync(files.env, 'utf8'),
      path: readFileSync(files.path, 'utf8'),
      state: readFileSync(files.state, 'utf8'),
    },
    ms: Date.now() - start,
  };
}
