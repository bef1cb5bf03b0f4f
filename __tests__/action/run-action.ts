// Runs the Action the way the runner does: INPUT_* variables with action.yml's defaults applied,
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, GITHUB_EVENT_PATH with a real webhook payload,
// GITHUB_API_URL at a local server. `runDistAction` spawns the built dist/index.js (smoke tests);
// `runActionInProcess` calls the same composition root with a fake step (milliseconds).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CommandEvents, HeadCommit, Ports } from '../../src/app/ports.js';
import { createGit } from '../../src/adapters/git.js';
import type { GitResult } from '../../src/adapters/git-exec.js';
import type { SaysNo } from '../../src/adapters/git-no.js';
import { planEvent } from '../../src/core/github/event-plan.js';
import { runAction as runActionRoot } from '../../src/action/main.js';
import { replaying } from './command-replay.js';
import { FakeStep } from './fake-step.js';
import { FakeGitHub } from '../github/fake-github.js';
import { shellGit } from '../support/shell-launcher.js';
import { headSha } from '../support/git-head.js';

const ROOT = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};
export const TOKEN = 'ghs_0123456789abcdefghijklmnopqrstuvwxyzAB';
/** Files no test's commands read: the gate config and the demo's joint decision record. */
export const NOT_READ_BY_COMMANDS = [
  '.github/cutover-checkpoint.yml',
  'docs/implementation/JOINT_DECISION_RECORD.json',
];

/** What a run left behind, the same for both ways of running. */
export interface ActionRun {
  /** The step's exit status: 1 when it failed. */
  status: number | null;
  /** The Actions log: workflow commands and command output. */
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  /** What was left in the runner's other channel files (GITHUB_ENV, GITHUB_PATH, GITHUB_STATE). */
  channels: { env: string; path: string; state: string };
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
  /** Raw text for GITHUB_EVENT_PATH instead of `payload` (a corrupt payload). */
  eventText?: string;
  /**
   * The workspace's HEAD. Default: the commit the event is about (a correct checkout): in-process
   * a stand-in HEAD, for the built Action the payload rewritten to name the real HEAD; 'git'
   * reads the real HEAD and keeps the payload. A HeadCommit value is for in-process runs only.
   */
  head?: HeadCommit | 'git';
  /**
   * In-process only: workspace paths no verification command of the test reads. A tree that
   * differs from a recorded one only there replays the recorded command results instead of
   * running the commands again (see command-replay.ts). Default: the gate config (the commands
   * it defines are part of the key) and the demo's joint decision record; [] to digest them too.
   */
  notReadByCommands?: string[];
  /**
   * In-process only: no run of this test file changes the workspace's tracked files, HEAD or
   * refs, so each git question (same directory, same arguments) is asked once and its answer
   * reused, as `inspect`'s always is.
   */
  fixedWorkspace?: boolean;
}

/**
 * For the built Action (whose HEAD is read through git): the payload made to name the
 * workspace's real HEAD as the commit it is about, as a correct checkout would; a workspace that is
 * not a repository keeps the payload.
 */
function aboutHead(
  event: string,
  given: Record<string, unknown>,
  workspace: string,
): Record<string, unknown> {
  let head: string;
  try {
    head = headSha(workspace);
  } catch {
    return given;
  }
  const payload = structuredClone(given) as Record<string, Record<string, unknown>>;
  if (event === 'push') (payload as Record<string, unknown>).after = head;
  if (event.startsWith('pull_request') && payload.pull_request)
    (payload.pull_request.head as Record<string, unknown>).sha = head;
  if (event === 'workflow_run' && payload.workflow_run) payload.workflow_run.head_sha = head;
  if (event === 'merge_group' && payload.merge_group) payload.merge_group.head_sha = head;
  if (event === 'check_suite' && payload.check_suite) payload.check_suite.head_sha = head;
  return payload;
}

/** The HEAD a correct checkout gives for this event (the merge commit on pull_request). */
function checkedOutHead(event: string, payload: Record<string, unknown>): HeadCommit | undefined {
  const plan = planEvent(event, payload, { sha: null, repository: 'Codertocat/Hello-World' });
  if (plan.kind === 'skip' || plan.head.kind === 'any') return undefined;
  if (plan.head.kind === 'equals')
    return { kind: 'ok', value: { sha: plan.head.sha, parents: [] } };
  return {
    kind: 'ok',
    value: { sha: 'f'.repeat(40), parents: ['e'.repeat(40), plan.head.headSha] },
  };
}

export function fixturePayload(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(ROOT, '__tests__', 'github', 'fixtures', name), 'utf8'),
  ) as Record<string, unknown>;
}

/** The runner's environment for a run, and the files it names. */
function runnerEnvironment(options: ActionRunOptions, checkedOut = false) {
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
  const payload =
    typeof options.payload === 'string' ? fixturePayload(options.payload) : options.payload;
  writeFileSync(
    files.event,
    options.eventText ??
      JSON.stringify(checkedOut ? aboutHead(options.event, payload, options.workspace) : payload),
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
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = options.inputs?.[name] ?? spec.default ?? '';
    inputs[name] = value === '${{ github.token }}' ? TOKEN : value;
    env[`INPUT_${name.toUpperCase()}`] = inputs[name]!;
  }
  return { env, inputs, files };
}

/** The runner's other channel files after a run. */
function readChannels(files: { env: string; path: string; state: string }) {
  return {
    env: readFileSync(files.env, 'utf8'),
    path: readFileSync(files.path, 'utf8'),
    state: readFileSync(files.state, 'utf8'),
  };
}

/** The built dist/index.js in a child process, as the runner starts it. */
export async function runDistAction(options: ActionRunOptions): Promise<ActionRun> {
  const { env, files } = runnerEnvironment(options, options.head === undefined);
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
    channels: readChannels(files),
  };
}

/** The built bundle, under the name the tests that must go through dist/index.js import. */
export const runAction = runDistAction;

/** The Action's composition root in this process, with a fake step that records everything. */
export async function runActionInProcess(
  options: ActionRunOptions,
): Promise<ActionRun & { step: FakeStep; judged: boolean }> {
  const { env, inputs, files } = runnerEnvironment(options);
  const step = new FakeStep();
  const git = options.fixedWorkspace ? rememberedGit : shellGit;
  // A fake GitHub of this process answers in-process runs without HTTP (its checks are the same).
  const github = FakeGitHub.at(options.apiUrl);
  const judged = await runActionRoot({
    git,
    ...(github ? { fetch: github.fetch } : {}),
    env,
    inputs: {
      getInput: (name) => (inputs[name] ?? '').trim(),
      getBooleanInput: (name) => {
        const value = (inputs[name] ?? '').trim();
        if (['true', 'True', 'TRUE'].includes(value)) return true;
        if (['false', 'False', 'FALSE'].includes(value)) return false;
        throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}`);
      },
    },
    io: step,
    commandEvents: (): CommandEvents => ({
      onStart: (command) => step.log.push(`▶ ${command.id}: ${command.run}`),
      onOutput: (command, text) => step.log.push(`[${command.id}] ${text}`),
    }),
    exitNow: () => {
      throw new Error('a second signal during a test');
    },
    retryAfterBaseMs: 1,
    paceWrites: false,
    readHead: async (root) => {
      if (options.head && options.head !== 'git') return options.head;
      const payload =
        typeof options.payload === 'string' ? fixturePayload(options.payload) : options.payload;
      const checkedOut = options.head ? undefined : checkedOutHead(options.event, payload);
      return checkedOut ?? createGit(root, git).headCommit();
    },
    wrapPorts: (ports: Ports) => ({
      ...ports,
      runner: replaying(
        ports.runner,
        options.workspace,
        [
          join(
            options.workspace,
            inputs['working-directory'] || '.',
            inputs['evidence-dir'] || 'checkpoint-evidence',
          ),
          ...(options.notReadByCommands ?? NOT_READ_BY_COMMANDS).map((path) =>
            join(options.workspace, path),
          ),
        ],
        // Commands inherit the step's environment: a test's own variables are a different run.
        options.env ?? {},
      ),
      git: { ...ports.git, inspect: remembered(ports.git.inspect, options.workspace) },
      tools: { lookup: remembered(ports.tools.lookup, options.workspace) },
    }),
  });
  return {
    status: step.failed === undefined ? 0 : 1,
    stdout: step.log.join('\n'),
    outputs: step.outputs,
    summary: step.summary,
    channels: readChannels(files),
    step,
    judged,
  };
}

const answers = new Map<string, Promise<unknown>>();

/** The answer asked under `key` (JSON) in this worker, asking `ask` the first time only. */
function once<R>(key: unknown[], ask: () => Promise<R>): Promise<R> {
  const text = JSON.stringify(key);
  if (!answers.has(text)) answers.set(text, ask());
  return answers.get(text) as Promise<R>;
}

/** git, asked each question (directory, arguments and its "no") once in this worker. */
function rememberedGit(cwd: string, args: string[], no?: SaysNo): Promise<GitResult> {
  return once(['git', cwd, args, no?.exit, no?.stderr.source], () => shellGit(cwd, args, no));
}

/**
 * A port method whose answer for the same workspace and arguments is asked once: git history and
 * tool versions of a test workspace do not change between the runs of this file.
 */
function remembered<A, R>(ask: (arg: A) => Promise<R>, workspace: string): (arg: A) => Promise<R> {
  return (arg) => once([ask.name, workspace, arg], () => ask(arg));
}
