// tool.<name>: a required tool is on PATH, usable (its version probe exits 0), at a minimum
// version when one is given, compared by semver (a prerelease is below its release).

import type { ToolConfig } from '../config/config-types.js';
import type { ToolEvidence } from '../evidence.js';
import type { CheckOutcome } from '../model.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';
import { meetsMinimum, parseMinimumVersion, parseToolVersion } from '../values/tool-version.js';

export { parseToolVersion } from '../values/tool-version.js';

/** One check per required tool. */
export function evaluateTools(context: EvaluationContext): CheckOutcome[] {
  return context.config.tools.map((tool) => judgeTool(tool, context.evidence.tools[tool.name]));
}

/** Judges one tool from what its lookup and version probe saw. */
export function judgeTool(tool: ToolConfig, seen: ToolEvidence | undefined): CheckOutcome {
  const id = `tool.${tool.name}`;
  const base = { id, kind: 'tool' as const };
  const probe = `\`${[tool.name, ...tool.versionArgs].join(' ')}\``;
  const printed = (seen?.versionOutput ?? '').slice(0, 500);
  const shown = printed.trim() ? printed.trim().split('\n').slice(0, 5) : ['(printed nothing)'];
  if (!seen?.found) {
    return {
      ...base,
      status: 'fail',
      summary: `${tool.name} is not on PATH`,
      expected: tool.minVersion ? `${tool.name} >= ${tool.minVersion}` : `${tool.name} on PATH`,
      observed: 'not found',
    };
  }
  const failedProbe =
    seen.probeFailure ??
    (seen.versionExitCode !== undefined && seen.versionExitCode !== 0
      ? `exited ${seen.versionExitCode}`
      : undefined);
  if (failedProbe) {
    return {
      ...base,
      status: 'fail',
      summary: `${tool.name} at ${seen.path} is not usable: ${probe} ${failedProbe}: ${shown[0]}`,
      details: [`${probe} ${failedProbe}; it printed:`, ...shown],
      expected: `${probe} exits 0`,
      observed: printed,
    };
  }
  if (!tool.minVersion)
    return { ...base, status: 'pass', summary: `${tool.name} found at ${seen.path}` };
  const version = parseToolVersion(seen.versionOutput ?? '');
  const minimum = parseMinimumVersion(tool.minVersion) ?? tool.minVersion;
  if (!version) {
    return {
      ...base,
      status: 'fail',
      summary: `${tool.name} found, but its version could not be read from ${probe}`,
      details: ['it printed:', ...shown],
      expected: `>= ${minimum}`,
      observed: printed.slice(0, 200),
    };
  }
  if (!meetsMinimum(version, minimum, tool.allowPrerelease === true)) {
    const why =
      version.includes('-') && !tool.allowPrerelease
        ? ' (a prerelease is below its release; set `allow_prerelease: true` to accept it)'
        : '';
    return {
      ...base,
      status: 'fail',
      summary: `${tool.name} ${version} is older than the required ${minimum}${why}`,
      expected: `>= ${minimum}`,
      observed: version,
    };
  }
  return {
    ...base,
    status: 'pass',
    summary: `${tool.name} ${version} (>= ${minimum}) at ${seen.path}`,
  };
}
