// A local stand-in for api.github.com on 127.0.0.1: implements the endpoints the Action uses,
// checks every request against GitHub's official OpenAPI description, and answers with responses
// of the documented shape (generated from the description, then filled with the fake's state).
// Faults (5xx, rate limits, permission errors) can be injected per route.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect as globalExpect, type ExpectStatic } from 'vitest';
import { SPEC, deref, exampleOf, validateAgainst } from './openapi.js';

export interface RecordedRequest {
  method: string;
  path: string;
  operation: string;
  query: Record<string, string>;
  body: unknown;
  /** Where the request breaks the OpenAPI description (empty when it conforms). */
  errors: string[];
  /** Where our response breaks it (the fake's own honesty). */
  responseErrors: string[];
}

/**
 * Every request a test made to `gh` conformed to GitHub's OpenAPI description, and so did every
 * answer. `expect`: a concurrent test's own (its context's).
 */
export function expectConforming(gh: FakeGitHub, expect: ExpectStatic = globalExpect): void {
  for (const request of gh.requests) {
    expect(request.errors, `${request.operation}`).toEqual([]);
    expect(request.responseErrors, `response to ${request.operation}`).toEqual([]);
  }
}

export interface Fault {
  method: string;
  /** Regular expression on the path. */
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  message: string;
  /** How many times; Infinity for always. */
  times: number;
  /** Answer the fault after doing the request (GitHub created the object, the answer was lost). */
  after?: boolean;
}

/**
 * A 2xx body GitHub would not send: the request is done as usual (an object is created), then its
 * answer's body is replaced by `body(original)`, once per request, `times` times.
 */
export interface Misshape {
  method: string;
  /** Regular expression on the path. */
  path: RegExp;
  body: (original: unknown) => unknown;
  times: number;
}

/** One answer of the fake: status, JSON payload (undefined: no body) and headers. */
interface Answer {
  status: number;
  payload: unknown;
  headers?: Record<string, string>;
}

/** An answer as both ways of asking send it: JSON text (null: no body) and its content type. */
function onTheWire({ status, payload, headers }: Answer) {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: payload === undefined ? null : JSON.stringify(payload),
  };
}

interface Comment {
  id: number;
  body: string;
  login: string;
}

const ROUTES = Object.entries(SPEC.paths).flatMap(([template, methods]) =>
  Object.keys(methods)
    .filter((m) => m !== 'parameters')
    .map((method) => ({
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
      names: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
    })),
);

/** GitHub refuses comment bodies over 65,536 characters. */
const COMMENT_LIMIT = 65_536;
const commentTooLong = (): [number, unknown] => [
  422,
  {
    message: 'Validation Failed',
    documentation_url: 'https://docs.github.com/rest/issues/comments',
    errors: [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)',
      },
    ],
  },
];

/**
 * A fresh fake GitHub for each test of the calling file: started before the test and handed to
 * `use`; after it, every exchange must have conformed (expectConforming) and the server stops.
 */
export function fakeGitHubPerTest(use: (gh: FakeGitHub) => void): void {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await new FakeGitHub().start();
    use(gh);
  });
  afterEach(async () => {
    expectConforming(gh);
    await gh.stop();
  });
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  readonly misshapes: Misshape[] = [];
  readonly comments = new Map<number, Comment[]>();
  readonly checkRuns = new Map<number, Record<string, unknown>>();
  /** Every PATCH body sent to a check run, in order. */
  readonly checkRunUpdates: Record<string, unknown>[] = [];
  openIssues: { number: number; title: string; labels: string[] }[] = [];
  consumerCheckRuns: { name: string; status: string; conclusion: string | null }[] = [];
  tokenLogin = 'a-human';
  /** GraphQL `viewer.login`; undefined: the app's bot or the token's user; null: GitHub refuses. */
  viewerLogin: string | null | undefined = undefined;
  /** Each pull request's current head (GET /pulls/{n}); a PR not here answers 404. */
  readonly pullHeads = new Map<number, string>();
  /** Pull requests associated with any commit (for `comment: always` on push). */
  associatedPulls: {
    number: number;
    state: 'open' | 'closed';
    /** A merged PR: its merge commit and final head. */
    merged?: { mergeCommitSha: string; headSha: string };
  }[] = [];
  /** Pull requests by head (GET /pulls?head=owner:branch); `head` is `owner:branch`. */
  pulls: { number: number; head: string; sha: string; state: 'open' | 'closed' }[] = [];
  appSlug: string | null = 'github-actions';
  /** Reviews per pull request, in the order they were submitted. */
  readonly reviews = new Map<number, { login: string; state: string; commitId: string }[]>();
  /** Approvals of any run's deployment environments. */
  runApprovals: {
    login: string;
    state: 'approved' | 'rejected' | 'pending';
    environments: string[];
  }[] = [];
  /** Branch tips by branch name; any other branch answers 404. */
  readonly branchTips = new Map<string, string>();
  /** Repository files by `sha:path` for the contents API; any other answers 404. */
  readonly contents = new Map<string, string>();
  /** Repository files by path, the same at every ref (a policy no run changes). */
  readonly contentsAtAnyRef = new Map<string, string>();
  /** Team members by `org/team_slug`; a team not here answers 404 (as to GITHUB_TOKEN). */
  readonly teamMembers = new Map<string, string[]>();
  private nextId = 1000;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void this.answer(
          req.method ?? '',
          new URL(req.url ?? '/', this.url),
          req.headers.authorization,
          Buffer.concat(chunks).toString('utf8'),
        ).then((answer) => {
          const { status, headers, body } = onTheWire(answer);
          res.writeHead(status, headers);
          res.end(body ?? '');
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    FakeGitHub.running.set(this.url, this);
    return this;
  }

  /** The fakes started in this process, by their base URL. */
  private static readonly running = new Map<string, FakeGitHub>();

  /** The fake started at `url` in this process, if any. */
  static at(url: string | undefined): FakeGitHub | undefined {
    return url === undefined ? undefined : FakeGitHub.running.get(url);
  }

  /**
   * The same answers as the HTTP server, without HTTP: a `fetch` for an Octokit in this process
   * (what in-process Action runs use). Every request still goes through the OpenAPI checks and
   * faults; only sockets, HTTP parsing and the client's connection pool are left out, which were
   * most of an in-process run's GitHub time.
   */
  readonly fetch = async (input: string | URL, init: RequestInit = {}): Promise<Response> => {
    const body = init.body;
    if (body !== undefined && body !== null && typeof body !== 'string')
      throw new TypeError('the fake GitHub reads string bodies only (Octokit sends JSON text)');
    const answer = await this.answer(
      init.method ?? 'GET',
      new URL(String(input)),
      new Headers(init.headers).get('authorization') ?? undefined,
      body ?? '',
    );
    const { status, headers, body: text } = onTheWire(answer);
    return new Response(text, { status, headers });
  };

  async stop(): Promise<void> {
    FakeGitHub.running.delete(this.url);
    // Keep-alive connections would hold close() open until they time out.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Adds `count` comments to an issue, by `login`, with bodies from `body(i)`. */
  seedComments(
    issue: number,
    count: number,
    login: string,
    body: (i: number) => string = (i) => `comment ${i}`,
  ): void {
    const list = this.comments.get(issue) ?? [];
    for (let i = 0; i < count; i++) list.push({ id: this.nextId++, body: body(i), login });
    this.comments.set(issue, list);
  }

  /**
   * Holds the first `count` requests matching `method` and `path` until all of them have arrived
   * (or `timeoutMs` passed), then answers them from the state at that moment: runs that overlap
   * in the worst way (both read before either writes), deterministically. Resolves to whether
   * all `count` met. The wait is only a bound for a run that never arrives: on a loaded machine two
   * processes started together reached it more than 10 s apart, so it stays under the tests' 30 s
   * and the client's 30 s request timeout instead.
   */
  barrier(method: string, path: RegExp, count: number, timeoutMs = 25_000): Promise<boolean> {
    let release!: (met: boolean) => void;
    const met = new Promise<boolean>((resolve) => (release = resolve));
    const timer = setTimeout(() => release(false), timeoutMs);
    this.barriers.push({
      method,
      path,
      left: count,
      met,
      release: (ok) => (clearTimeout(timer), release(ok)),
    });
    return met;
  }

  private readonly barriers: {
    method: string;
    path: RegExp;
    left: number;
    met: Promise<boolean>;
    release: (met: boolean) => void;
  }[] = [];

  private async passBarrier(method: string, path: string): Promise<void> {
    const barrier = this.barriers.find(
      (b) => b.left > 0 && b.method === method && b.path.test(path),
    );
    if (!barrier) return;
    barrier.left--;
    if (barrier.left === 0) barrier.release(true);
    await barrier.met;
  }

  /** Requests that created or changed something. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  /** The answer to one request; a fault of the fake itself is a 500 that fails the test. */
  private async answer(
    method: string,
    url: URL,
    authorization: string | undefined,
    raw: string,
  ): Promise<Answer> {
    try {
      return await this.handle(method, url, authorization, raw);
    } catch (error) {
      this.requests.at(-1)?.responseErrors.push(`fake server error: ${String(error)}`);
      return { status: 500, payload: { message: String(error) } };
    }
  }

  private async handle(
    method: string,
    url: URL,
    authorization: string | undefined,
    raw: string,
  ): Promise<Answer> {
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    const route = ROUTES.find((r) => r.method === method && r.pattern.test(url.pathname));
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      operation: route ? `${route.method} ${route.template}` : 'unknown',
      query: Object.fromEntries(url.searchParams),
      body,
      errors: [],
      responseErrors: [],
    };
    this.requests.push(recorded);
    const send = (
      status: number,
      payload: unknown,
      headers: Record<string, string> = {},
    ): Answer => ({ status, payload, headers });
    if (method === 'POST' && url.pathname === '/graphql') {
      recorded.operation = 'POST /graphql';
      return this.graphql(recorded, body, send);
    }
    if (!route) {
      recorded.errors.push(
        `no such operation in the OpenAPI description: ${method} ${url.pathname}`,
      );
      return send(404, { message: 'Not Found' });
    }
    if (!/^(token|Bearer) \S+/.test(authorization ?? ''))
      recorded.errors.push('no Authorization header');
    const params = Object.fromEntries(
      route.names.map((name, i) => [
        name,
        decodeURIComponent(route.pattern.exec(url.pathname)![i + 1]!),
      ]),
    );
    const operation = SPEC.paths[route.template]![route.method.toLowerCase()]!;
    recorded.errors.push(...this.validateRequest(operation, params, recorded.query, body));
    await this.passBarrier(method, url.pathname);

    const fault = this.faults.find(
      (f) => f.times > 0 && f.method === method && f.path.test(url.pathname),
    );
    if (fault) fault.times--;
    if (fault && !fault.after) {
      return send(
        fault.status,
        { message: fault.message, documentation_url: 'https://docs.github.com/rest' },
        fault.headers,
      );
    }
    const [status, payload, headers] = this.respond(
      route.method,
      route.template,
      params,
      recorded.query,
      body as Record<string, unknown>,
    );
    if (fault)
      return send(
        fault.status,
        { message: fault.message, documentation_url: 'https://docs.github.com/rest' },
        fault.headers,
      );
    const misshape = this.misshapes.find(
      (m) => m.times > 0 && m.method === method && m.path.test(url.pathname),
    );
    if (misshape) {
      // Not checked against the description: breaking it is the point.
      misshape.times--;
      return send(status, misshape.body(payload), headers);
    }
    const response = operation.responses[String(status)];
    const documented = (response ? (deref(response) as typeof response) : undefined)?.content?.[
      'application/json'
    ]?.schema;
    if (documented) recorded.responseErrors.push(...validateAgainst(documented, payload));
    // GitHub answers 404 on any route whose object is gone (a comment another run deleted),
    // documented or not.
    else if (payload !== undefined && status !== 404)
      recorded.responseErrors.push(`status ${status} is not documented`);
    return send(status, payload, headers);
  }

  /**
   * GraphQL is not in the REST description: its request shape is checked here, and only the
   * `viewer { login }` query is answered (`viewerLogin` null: GitHub's error for such tokens).
   */
  private graphql(
    recorded: RecordedRequest,
    body: unknown,
    send: (status: number, payload: unknown) => Answer,
  ): Answer {
    const request = body as { query?: unknown; variables?: unknown } | undefined;
    if (typeof request?.query !== 'string') recorded.errors.push('graphql: no query string');
    else if (!/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(request.query))
      recorded.errors.push(`graphql: unexpected query ${request.query}`);
    const extra = Object.keys(request ?? {}).filter(
      (k) => !['query', 'variables', 'operationName'].includes(k),
    );
    if (extra.length) recorded.errors.push(`graphql: unexpected fields ${extra.join(', ')}`);
    const login =
      this.viewerLogin === undefined
        ? this.appSlug
          ? `${this.appSlug}[bot]`
          : this.tokenLogin
        : this.viewerLogin;
    if (login === null)
      return send(200, {
        data: null,
        errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
      });
    return send(200, { data: { viewer: { login } } });
  }

  private validateRequest(
    operation: (typeof SPEC.paths)[string][string],
    params: Record<string, string>,
    query: Record<string, string>,
    body: unknown,
  ): string[] {
    const errors: string[] = [];
    for (const p of (operation.parameters ?? []).map(deref)) {
      const where = p.in === 'path' ? params : p.in === 'query' ? query : undefined;
      if (!where) continue;
      const name = String(p.name);
      if (!(name in where)) {
        if (p.required) errors.push(`missing ${p.in} parameter ${name}`);
        continue;
      }
      const holder = { value: where[name] };
      errors.push(
        ...validateAgainst({ type: 'object', properties: { value: p.schema } }, holder, true).map(
          (e) => `${p.in} ${name}: ${e}`,
        ),
      );
    }
    for (const name of Object.keys(query)) {
      if (!(operation.parameters ?? []).map(deref).some((p) => p.name === name && p.in === 'query'))
        errors.push(`undocumented query parameter ${name}`);
    }
    const schema = operation.requestBody?.content['application/json']?.schema;
    if (schema) errors.push(...validateAgainst(schema, body).map((e) => `body ${e}`));
    return errors;
  }

  private example(template: string, method: string, status: number): Record<string, unknown> {
    const schema =
      SPEC.paths[template]![method.toLowerCase()]!.responses[String(status)]!.content![
        'application/json'
      ]!.schema;
    return exampleOf(schema) as Record<string, unknown>;
  }

  private respond(
    method: string,
    template: string,
    params: Record<string, string>,
    query: Record<string, string>,
    body: Record<string, unknown>,
  ): [number, unknown, Record<string, string>?] {
    const repoUrl = `https://github.example/${params.owner}/${params.repo}`;
    switch (`${method} ${template}`) {
      case 'POST /repos/{owner}/{repo}/check-runs': {
        const id = this.nextId++;
        const base = this.example(template, method, 201);
        const app = this.appSlug
          ? {
              ...(exampleOf(
                deref({ $ref: '#/components/schemas/nullable-integration' }),
              ) as object),
              slug: this.appSlug,
            }
          : null;
        const run = {
          ...base,
          id,
          name: body.name,
          head_sha: body.head_sha,
          external_id: body.external_id ?? null,
          status: body.status ?? 'queued',
          details_url: body.details_url ?? null,
          html_url: `${repoUrl}/runs/${id}`,
          app,
        };
        this.checkRuns.set(id, run);
        return [201, run];
      }
      case 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': {
        const run = this.checkRuns.get(Number(params.check_run_id));
        if (!run) return [404, { message: 'Not Found' }];
        this.checkRunUpdates.push(body);
        Object.assign(run, {
          status: body.status ?? run.status,
          conclusion: body.conclusion ?? run.conclusion,
        });
        return [200, run];
      }
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const all = this.comments.get(Number(params.issue_number)) ?? [];
        const perPage = Number(query.per_page ?? 30);
        const page = Number(query.page ?? 1);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const link = (p: number) =>
          `<${this.url}/repos/${params.owner}/${params.repo}/issues/${params.issue_number}/comments?per_page=${perPage}&page=${p}>`;
        const headers: Record<string, string> =
          page < last ? { link: `${link(page + 1)}; rel="next", ${link(last)}; rel="last"` } : {};
        return [200, slice.map((c) => this.commentJson(c, repoUrl, params.issue_number!)), headers];
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        if (String(body.body).length > COMMENT_LIMIT) return commentTooLong();
        const comment = {
          id: this.nextId++,
          body: String(body.body),
          login: this.appSlug ? `${this.appSlug}[bot]` : this.tokenLogin,
        };
        this.comments.set(Number(params.issue_number), [
          ...(this.comments.get(Number(params.issue_number)) ?? []),
          comment,
        ]);
        return [201, this.commentJson(comment, repoUrl, params.issue_number!)];
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        if (String(body.body).length > COMMENT_LIMIT) return commentTooLong();
        for (const [issue, list] of this.comments) {
          const comment = list.find((c) => c.id === Number(params.comment_id));
          if (comment) {
            comment.body = String(body.body);
            return [200, this.commentJson(comment, repoUrl, String(issue))];
          }
        }
        return [404, { message: 'Not Found' }];
      }
      case 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        for (const list of this.comments.values()) {
          const at = list.findIndex((c) => c.id === Number(params.comment_id));
          if (at >= 0) {
            list.splice(at, 1);
            return [204, undefined];
          }
        }
        return [404, { message: 'Not Found' }];
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}': {
        const head = this.pullHeads.get(Number(params.pull_number));
        if (!head) return [404, { message: 'Not Found' }];
        const pull = this.example(template, method, 200) as { head: object };
        return [
          200,
          {
            ...pull,
            number: Number(params.pull_number),
            state: 'open',
            head: { ...pull.head, sha: head },
          },
        ];
      }
      case 'GET /repos/{owner}/{repo}/issues': {
        const wanted = (query.labels ?? '').split(',').filter(Boolean);
        const issues = this.openIssues.filter((i) => wanted.every((l) => i.labels.includes(l)));
        return [
          200,
          issues.map((i) => ({
            ...this.example(template, method, 200),
            ...(exampleOf(deref({ $ref: '#/components/schemas/issue' })) as object),
            number: i.number,
            title: i.title,
            html_url: `${repoUrl}/issues/${i.number}`,
            labels: i.labels.map((name) => ({ name })),
            pull_request: undefined,
          })),
        ];
      }
      case 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': {
        const named = (name: unknown) => !query.check_name || name === query.check_name;
        const base = exampleOf(deref({ $ref: '#/components/schemas/check-run' })) as object;
        // The check runs created here on this ref, then the consumer's (another repository's).
        const ours = [...this.checkRuns.values()].filter(
          (r) => r.head_sha === params.ref && named(r.name),
        );
        const theirs = this.consumerCheckRuns
          .filter((r) => named(r.name))
          .map((r) => ({
            ...base,
            id: this.nextId++,
            name: r.name,
            status: r.status,
            conclusion: r.conclusion,
            html_url: `${repoUrl}/runs/1`,
          }));
        const runs = [...ours, ...theirs];
        return [200, { total_count: runs.length, check_runs: runs }];
      }
      case 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': {
        const base = exampleOf(
          deref({ $ref: '#/components/schemas/pull-request-simple' }),
        ) as object;
        return [
          200,
          this.associatedPulls.map((p) => ({
            ...base,
            number: p.number,
            state: p.state,
            ...(p.merged
              ? {
                  merge_commit_sha: p.merged.mergeCommitSha,
                  merged_at: '2026-02-08T12:00:00Z',
                  head: { ...(base as { head: object }).head, sha: p.merged.headSha },
                }
              : {}),
          })),
        ];
      }
      case 'GET /repos/{owner}/{repo}/pulls': {
        const base = exampleOf(deref({ $ref: '#/components/schemas/pull-request-simple' })) as {
          head: object;
        };
        const state = query.state ?? 'open';
        return [
          200,
          this.pulls
            .filter(
              (p) =>
                (query.head === undefined || p.head === query.head) &&
                (state === 'all' || p.state === state),
            )
            .map((p) => ({
              ...base,
              number: p.number,
              state: p.state,
              head: { ...base.head, sha: p.sha, label: p.head, ref: p.head.split(':')[1] },
            })),
        ];
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews': {
        const all = this.reviews.get(Number(params.pull_number)) ?? [];
        const perPage = Number(query.per_page ?? 30);
        const page = Number(query.page ?? 1);
        const base = exampleOf(
          deref({ $ref: '#/components/schemas/pull-request-review' }),
        ) as object;
        return [
          200,
          all.slice((page - 1) * perPage, page * perPage).map((r, i) => {
            const id = (page - 1) * perPage + i + 1;
            return {
              ...base,
              id,
              user: this.userJson(r.login),
              state: r.state,
              commit_id: r.commitId,
              submitted_at: '2026-02-08T12:00:00Z',
              html_url: `${repoUrl}/pull/${params.pull_number}#pullrequestreview-${id}`,
            };
          }),
        ];
      }
      case 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals': {
        const base = exampleOf(
          deref({ $ref: '#/components/schemas/environment-approvals' }),
        ) as object;
        return [
          200,
          this.runApprovals.map((a) => ({
            ...base,
            user: this.userJson(a.login),
            state: a.state,
            comment: '',
            environments: a.environments.map((name, i) => ({ id: i + 1, name })),
          })),
        ];
      }
      case 'GET /orgs/{org}/teams/{team_slug}/members': {
        const members = this.teamMembers.get(`${params.org}/${params.team_slug}`);
        if (!members) return [404, { message: 'Not Found' }];
        return [200, members.map((login) => this.userJson(login))];
      }
      case 'GET /repos/{owner}/{repo}/contents/{path}': {
        const text =
          this.contents.get(`${query.ref}:${params.path}`) ??
          this.contentsAtAnyRef.get(params.path!);
        if (text === undefined) return [404, { message: 'Not Found' }];
        const bytes = Buffer.from(text);
        const url = `https://api.github.com/repos/${params.owner}/${params.repo}/contents/${params.path}`;
        return [
          200,
          {
            type: 'file',
            encoding: 'base64',
            size: bytes.length,
            name: params.path!.split('/').at(-1),
            path: params.path,
            content: bytes.toString('base64'),
            sha: '0'.repeat(40),
            url,
            git_url: null,
            html_url: null,
            download_url: null,
            _links: { self: url, git: null, html: null },
          },
        ];
      }
      case 'GET /repos/{owner}/{repo}/branches/{branch}': {
        const tip = this.branchTips.get(params.branch!);
        if (!tip) return [404, { message: 'Branch not found' }];
        const branch = exampleOf(deref({ $ref: '#/components/schemas/branch-with-protection' }));
        const commit = (branch as { commit: Record<string, unknown> }).commit;
        return [
          200,
          { ...(branch as object), name: params.branch, commit: { ...commit, sha: tip } },
        ];
      }
      case 'GET /user':
        return [200, { ...this.example(template, method, 200), login: this.tokenLogin }];
      default:
        return [404, { message: 'Not Found' }];
    }
  }

  private userJson(login: string): Record<string, unknown> {
    return {
      ...(exampleOf(deref({ $ref: '#/components/schemas/simple-user' })) as object),
      login,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
    };
  }

  private commentJson(comment: Comment, repoUrl: string, issue: string): Record<string, unknown> {
    const base = exampleOf(deref({ $ref: '#/components/schemas/issue-comment' })) as Record<
      string,
      unknown
    >;
    const user = {
      ...(exampleOf(deref({ $ref: '#/components/schemas/simple-user' })) as object),
      login: comment.login,
      type: comment.login.endsWith('[bot]') ? 'Bot' : 'User',
    };
    return {
      ...base,
      id: comment.id,
      body: comment.body,
      user,
      html_url: `${repoUrl}/issues/${issue}#issuecomment-${comment.id}`,
    };
  }
}
