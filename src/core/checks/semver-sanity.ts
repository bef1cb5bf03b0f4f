// semver: release tags parse as semantic versions, and no handoff mode's contract version is
// lower than the baseline's (a candidate moves forward, never back).

// The functions alone, not the package root: it builds every range class and regex at load.
import semverValid from 'semver/functions/valid.js';
import type { CheckOutcome } from '../model.js';
import type { EvaluationContext } from '../evaluation/evaluation-context.js';
import { readOwn } from '../own-key.js';

/** Parses a release tag (`v` prefix allowed) strictly; null when it is not semver. */
export function parseReleaseTag(tag: string): string | null {
  return semverValid(tag.replace(/^v/, ''));
}

/** The N of `service.vN`, or undefined. */
export function contractMajor(version: unknown): number | undefined {
  const match = typeof version === 'string' ? /^service\.v(\d+)$/.exec(version) : null;
  return match ? Number(match[1]) : undefined;
}

/** One check over every tag and mode version the evidence states. */
export function evaluateSemverSanity(context: EvaluationContext): CheckOutcome[] {
  const problems: string[] = [];
  const tags: [string, string][] = [];
  if (context.config.baseline.release_tag) tags.push(['lock', context.config.baseline.release_tag]);
  for (const source of context.baselineSources) {
    if (source.values.release_tag) tags.push([source.name, source.values.release_tag]);
  }
  for (const [source, tag] of tags) {
    if (!parseReleaseTag(tag))
      problems.push(
        `release_tag '${tag}' in ${source} is not a semantic version (expected vMAJOR.MINOR.PATCH)`,
      );
  }
  const baselineMajor = contractMajor(context.config.baseline.service_contract_version);
  const handoff = context.config.handoff;
  const manifest = handoff ? context.artifacts.get(handoff.manifest) : undefined;
  if (baselineMajor !== undefined && manifest?.ok) {
    const modes =
      (
        manifest.document.value as {
          handoff_modes?: Record<string, { service_contract_version?: string }>;
        }
      ).handoff_modes ?? {};
    for (const mode of context.evidence.modes) {
      const version = readOwn<{ service_contract_version?: string }>(
        modes,
        mode,
      )?.service_contract_version;
      const major = contractMajor(version);
      if (major !== undefined && major < baselineMajor) {
        problems.push(
          `mode '${mode}' is ${version}, lower than the baseline ${context.config.baseline.service_contract_version}`,
        );
      }
    }
  }
  if (tags.length === 0 && baselineMajor === undefined) return [];
  if (problems.length > 0) {
    return [
      {
        id: 'semver',
        kind: 'semver',
        status: 'fail',
        summary: problems[0]! + (problems.length > 1 ? ` (+${problems.length - 1} more)` : ''),
        details: problems,
      },
    ];
  }
  return [
    {
      id: 'semver',
      kind: 'semver',
      status: 'pass',
      summary: `release tags parse as semver; no mode's contract version is below the baseline`,
    },
  ];
}
