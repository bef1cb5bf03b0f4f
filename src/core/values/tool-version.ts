// Reads a tool's version from its `--version` output exactly, prerelease included, so
// `v20.0.0-rc.1` stays a prerelease and `Python 3.13.0rc1` does too.

// The functions alone, not the package root: it builds every range class and regex at load.
import semverValid from 'semver/functions/valid.js';
import semverClean from 'semver/functions/clean.js';
import semverCoerce from 'semver/functions/coerce.js';
import semverMajor from 'semver/functions/major.js';
import semverMinor from 'semver/functions/minor.js';
import semverPatch from 'semver/functions/patch.js';
import semverGte from 'semver/functions/gte.js';

// major.minor[.patch], then a semver prerelease (`-rc.1`) or a PEP 440 / Go one glued on (`rc1`,
// `b2`, `a1`, `.dev3`, `beta1`), then build metadata. Not followed by another digit or dot-digit.
const VERSION =
  /(?<![\d.])(\d+)\.(\d+)(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)|\.?((?:alpha|beta|pre|rc|dev|a|b)\.?\d*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?![\d])/i;

/** The first version in a tool's output as a semver string (`20.0.0-rc.1`), or null. */
export function parseToolVersion(output: string): string | null {
  const match = VERSION.exec(output);
  if (!match) return null;
  const [, major, minor, patch, dashed, glued, build] = match;
  const prerelease =
    dashed ?? (glued ? glued.replace(/^(\D+)\.?(\d*)$/, '$1.$2').replace(/\.$/, '') : undefined);
  const text = `${Number(major)}.${Number(minor)}.${Number(patch ?? 0)}${prerelease ? `-${prerelease.toLowerCase()}` : ''}${build ? `+${build}` : ''}`;
  return semverValid(text);
}

/** A minimum version from the config (`20`, `3.10`, `1.2.3-rc.1`) as a semver string, or null. */
export function parseMinimumVersion(text: string): string | null {
  return semverValid(semverClean(text) ?? text) ?? semverCoerce(text)?.version ?? null;
}

/**
 * Whether `version` satisfies `minimum` by semver precedence: a prerelease is below its release
 * (20.0.0-rc.1 < 20.0.0) unless `allowPrerelease`, which compares the release part alone.
 */
export function meetsMinimum(version: string, minimum: string, allowPrerelease: boolean): boolean {
  const compared = allowPrerelease
    ? `${semverMajor(version)}.${semverMinor(version)}.${semverPatch(version)}`
    : version;
  return semverGte(compared, minimum);
}
