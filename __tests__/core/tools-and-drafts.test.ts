// Tool probes judged by exit code and exact semver; JSON Schema drafts picked by `$schema`.
// Table-driven, in-process.
import { describe, expect, it } from 'vitest';
import { judgeTool } from '../../src/core/checks/tools.js';
import { parseToolVersion } from '../../src/core/values/tool-version.js';
import { detectDraft, type SchemaDraft } from '../../src/core/schema/schema-drafts.js';
import { createSchemaValidator } from '../../src/core/schema/schema-validator.js';
import type { ToolConfig } from '../../src/core/config/config-types.js';

describe('tool versions', () => {
  it.each([
    ['v20.0.0-rc.1', '20.0.0-rc.1'],
    ['Python 3.12.1', '3.12.1'],
    ['Python 3.13.0rc1', '3.13.0-rc.1'],
    ['Python 3.13.0a1', '3.13.0-a.1'],
    ['go version go1.22rc1 linux/amd64', '1.22.0-rc.1'],
    ['go version go1.22.1 linux/amd64', '1.22.1'],
    ['GNU bash, version 5.2.21(1)-release (x86_64-pc-linux-gnu)', '5.2.21'],
    ['openjdk version "21.0.2" 2024-01-16', '21.0.2'],
    ['version.BuildInfo{Version:"v3.14.0"}', '3.14.0'],
    ['no version here', null],
  ])('%s → %s', (output, version) => {
    expect(parseToolVersion(output)).toBe(version);
  });
});

describe('tool checks', () => {
  const tool = (extra: Partial<ToolConfig> = {}): ToolConfig => ({
    name: 'x',
    versionArgs: ['--version'],
    probe: true,
    minVersion: '20.0.0',
    ...extra,
  });
  const found = (
    versionOutput: string,
    versionExitCode: number | null = 0,
    probeFailure?: string,
  ) => ({
    found: true,
    path: '/bin/x',
    versionOutput,
    versionExitCode,
    ...(probeFailure ? { probeFailure } : {}),
  });
  it.each([
    [
      'a shim that exits 1 naming a version',
      tool(),
      found("pyenv: version '21.0.0' is not installed", 1),
      'fail',
      'exited 1',
    ],
    [
      'a probe killed by timeout',
      tool(),
      found('x 21.0.0', null, 'did not finish within 10 s'),
      'fail',
      'did not finish',
    ],
    [
      'exit 127 with no minimum',
      tool({ minVersion: undefined }),
      found('error while loading shared libraries', 127),
      'fail',
      'not usable',
    ],
    [
      'a release candidate below its release',
      tool(),
      found('v20.0.0-rc.1'),
      'fail',
      '20.0.0-rc.1 is older than the required 20.0.0',
    ],
    [
      'a prerelease allowed',
      tool({ allowPrerelease: true }),
      found('v20.0.0-rc.1'),
      'pass',
      '20.0.0-rc.1 (>= 20.0.0)',
    ],
    ['a prerelease of a later release', tool(), found('v21.0.0-rc.1'), 'pass', '21.0.0-rc.1'],
    [
      'the version on stderr, exit 0',
      tool({ minVersion: '17' }),
      found('openjdk version "21.0.2"'),
      'pass',
      '21.0.2 (>= 17.0.0)',
    ],
    ['not on PATH', tool(), { found: false }, 'fail', 'not on PATH'],
  ])('%s', (_, config, seen, status, mention) => {
    const outcome = judgeTool(config, seen);
    expect(outcome.status).toBe(status);
    expect(outcome.summary).toContain(mention);
  });
});

describe('JSON Schema drafts', () => {
  it.each([
    [undefined, '2020-12'],
    ['https://json-schema.org/draft/2020-12/schema', '2020-12'],
    ['https://json-schema.org/draft/2019-09/schema#', '2019-09'],
    ['http://json-schema.org/draft-07/schema#', 'draft-07'],
    ['https://json-schema.org/draft-07/schema', 'draft-07'],
    ['http://json-schema.org/draft-06/schema#', 'draft-06'],
    ['http://json-schema.org/draft-04/schema#', 'draft-04'],
  ])('$schema %s is %s', (uri, draft) => {
    expect(detectDraft(uri === undefined ? {} : { $schema: uri })).toEqual({ ok: true, draft });
  });
  it.each([['http://json-schema.org/draft-03/schema#'], ['https://example.com/my-meta'], [42]])(
    '$schema %j is refused, naming the supported drafts',
    (uri) => {
      const result = detectDraft({ $schema: uri });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/draft-04.*draft-07.*2019-09.*2020-12/);
    },
  );
  it.each([
    [
      'draft-04',
      {
        $schema: 'http://json-schema.org/draft-04/schema#',
        properties: { n: { maximum: 5, exclusiveMaximum: true } },
      },
    ],
    [
      'draft-06',
      {
        $schema: 'http://json-schema.org/draft-06/schema#',
        properties: { n: { exclusiveMaximum: 5 } },
      },
    ],
    [
      'draft-07',
      {
        $schema: 'http://json-schema.org/draft-07/schema#',
        properties: { n: { exclusiveMaximum: 5 } },
      },
    ],
    [
      '2019-09',
      {
        $schema: 'https://json-schema.org/draft/2019-09/schema',
        properties: { n: { exclusiveMaximum: 5 } },
      },
    ],
    ['2020-12', { properties: { n: { exclusiveMaximum: 5 } } }],
  ])('%s compiles and validates in its own draft', async (draft, schema) => {
    const validator = createSchemaValidator();
    await validator.load([draft as SchemaDraft]);
    const compiled = validator.compile({ name: `${draft}.json`, schema });
    expect(compiled.ok, !compiled.ok ? compiled.message : '').toBe(true);
    if (!compiled.ok) return;
    expect(compiled.validate({ n: 4 })).toBe(true);
    expect(compiled.validate({ n: 5 })).toBe(false);
  });
  it('a draft whose validator was not loaded is an error, not a crash', () => {
    const compiled = createSchemaValidator().compile({
      name: 'a.json',
      schema: { $schema: 'http://json-schema.org/draft-07/schema#' },
    });
    expect(compiled).toMatchObject({ ok: false, message: expect.stringContaining('draft-07') });
  });
});
