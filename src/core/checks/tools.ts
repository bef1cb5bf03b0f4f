// tool.<name>: a required tool is on PATH, at a minimum version when one is given.

import semver from 'semver';
import type { CheckOutcome } from '../model.js';
import type { EvaluationContext } from './evaluation-context.js';

/** The first version-looking number in a tool's `--version` output. */
export function parseToolVersion(output: string): string | null {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
  return match ? `${match[1]}.${match[2]}.${match[3] ?? '0'}` : null;
}

/** One check per required tool. */
export function evaluateTools(context: EvaluationContext): CheckOutcome[] {
  return context.config.tools.map((tool) => {
    const id = `tool.${tool.name}`;
    const seen = context.evidence.tools[tool.name];
    if (!seen?.found) {
      return {
        id,
        kind: 'tool',
        status: 'fail',
        summary: `${tool.name} is not on PATH`,
        expected: tool.minVersion ? `${tool.name} >= ${tool.minVersion}` : `${tool.name} on PATH`,
        observed: 'not found',
      };
    }
    if (!tool.minVersion)
      return { id, kind: 'tool', status: 'pass', summary: `${tool.name} found at ${seen.path}` };
    const version = parseToolVersion(seen.versionOutput ?? '');
    const minimum = semver.coerce(tool.minVersion)?.version ?? tool.minVersion;
    if (!version) {
      return {
        id,
        kind: 'tool',
        status: 'fail',
        summary: `${tool.name} found, but its version could not be read from \`${tool.name} ${tool.versionArgs.join(' ')}\``,
        expected: `>= ${minimum}`,
        observed: (seen.versionOutput ?? '').slice(0, 200),
      };
    }
    if (semver.lt(version, minimum)) {
      return {
        id,
        kind: 'tool',
        status: 'fail',
        summary: `${tool.name} ${version} is older than the required ${minimum}`,
        expected: `>= ${minimum}`,
        observed: version,
      };
    }
    return {
      id,
      kind: 'tool',
      status: 'pass',
      summary: `${tool.name} ${version} (>= ${minimum}) at ${seen.path}`,
    };
  });
}
