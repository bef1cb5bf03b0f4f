// A user schema is checked against its draft's meta-schema before it compiles, as ajv would
// check it, but with validators precompiled at build time (scripts/generate-validators.mjs):
// ajv compiles a meta-schema (~80 ms cold) on the first schema of every run otherwise.

import { isPlainObject } from '../parse/json-pointer.js';
import type { AjvInstance, SchemaDraft } from './schema-drafts.js';

/** Precompiled meta-schema validators by draft; each evaluates its code on first call. */
export type MetaValidators = typeof import('./generated/meta-validators.cjs');

/** Loads the precompiled meta-schema validators (a dynamic import: only runs with user schemas). */
export async function loadMetaValidators(): Promise<MetaValidators> {
  const module = (await import('./generated/meta-validators.cjs')) as {
    default: MetaValidators;
  };
  return module.default;
}

/**
 * Throws what ajv's `validateSchema(schema, true)` throws on an instance of `draft`
 * ("schema is invalid: data/type must be …", or "no schema with key or ref …" for a `$schema`
 * it does not hold), using the precompiled meta validator whenever the schema names the
 * instance's own meta-schema or none (ajv strips a trailing `#` or `#/` from ids), and ajv
 * itself (which compiles the meta-schema) for any other spelling, so every verdict and message
 * stays ajv's.
 */
export function assertSchemaValid(
  schema: unknown,
  draft: SchemaDraft,
  instance: AjvInstance,
  metas: MetaValidators,
): void {
  if (typeof schema === 'boolean') return;
  const meta = metas[draft]!;
  const declared = isPlainObject(schema) ? schema.$schema : null;
  const own =
    declared === undefined ||
    (typeof declared === 'string' && declared.replace(/#\/?$/, '') === meta.id);
  if (!own) {
    instance.validateSchema(schema, true);
    return;
  }
  const validate = meta.validator();
  if (!validate(schema))
    throw new Error(`schema is invalid: ${instance.errorsText(validate.errors)}`);
}
