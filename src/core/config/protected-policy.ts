// Config rules of the trust model (SPEC §2, §10) that a JSON Schema cannot say: no waiver or
// override names a protected check, the release tag check cannot be switched off, the consumer
// record is bound to a repository and a hex pinned ref, and protected_paths stay in the workspace.

import type { SourceLocation } from '../model.js';
import { isProtectedCheck, PROTECTED_CHECKS } from '../protected-checks.js';
import type { ConfigError } from './config-types.js';

type Raw = Record<string, unknown>;
type Locate = (pointer: string, key?: boolean) => SourceLocation;

const WHY = `protected checks (${PROTECTED_CHECKS.join(', ')}) can be neither waived nor unblocked by any config (SPEC §2)`;

/** Every trust-model problem in a schema-valid config, each at its place. */
export function checkProtectedPolicy(config: Raw, at: Locate): ConfigError[] {
  const errors: ConfigError[] = [];
  const error = (pointer: string, message: string, key = false) =>
    errors.push({ message, location: at(pointer, key) });

  ((config.waivers as Raw[] | undefined) ?? []).forEach((waiver, i) => {
    const check = String(waiver.check);
    if (isProtectedCheck(check))
      error(`/waivers/${i}/check`, `a waiver names the protected check '${check}': ${WHY}`);
  });
  for (const key of Object.keys((config.checks as Raw | undefined) ?? {})) {
    if (isProtectedCheck(key))
      error(
        `/checks/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        `checks overrides the protected check '${key}': ${WHY}`,
        true,
      );
  }
  const handoff = config.handoff as Raw | undefined;
  if (handoff?.require_tag === false)
    error(
      '/handoff/require_tag',
      `require_tag: false would switch off the protected check 'git.release-tag': ${WHY}; remove it (the tag is checked whenever the lock has a release_tag)`,
    );

  const consumer = config.consumer as Raw | undefined;
  if (consumer) {
    const ref = consumer.ref;
    if (typeof ref === 'string' && !/^[0-9a-fA-F]{7,40}$/.test(ref))
      error(
        '/consumer/ref',
        `consumer.ref '${ref}' is not a commit sha: expected 7 to 40 hex digits (the consumer record's sha must start with it)`,
      );
    if (consumer.record !== undefined) {
      for (const field of ['repository', 'ref'] as const)
        if (consumer[field] === undefined)
          error(
            '/consumer',
            `consumer.record needs consumer.${field}: the record is bound to the consumer's repository and pinned ref (SPEC §10)`,
          );
    }
  }
  ((config.protected_paths as unknown[] | undefined) ?? []).forEach((glob, i) => {
    const text = String(glob);
    if (text.startsWith('/') || text.split('/').includes('..'))
      error(
        `/protected_paths/${i}`,
        `protected path '${text}' must be a glob relative to the workspace (no leading '/', no '..')`,
      );
  });
  return errors;
}
