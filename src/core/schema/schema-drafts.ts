// Which JSON Schema draft a user schema is written in (its `$schema`), and the ajv class that
// validates that draft. Classes load on first need (dynamic import): built-in schemas are
// precompiled, so a run without user schemas never loads a runtime validator.

import type { ErrorObject } from 'ajv/dist/2020.js';
import { isPlainObject } from '../parse/json-pointer.js';

/** The drafts the gate validates. */
export type SchemaDraft = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

/** For messages: every supported draft with the `$schema` that names it. */
export const SUPPORTED_DRAFTS =
  'draft-04 (http://json-schema.org/draft-04/schema#), draft-06, draft-07 (http://json-schema.org/draft-07/schema#), 2019-09 (https://json-schema.org/draft/2019-09/schema), 2020-12 (https://json-schema.org/draft/2020-12/schema, the default when $schema is absent)';

const BY_URI: Record<string, SchemaDraft> = {
  'json-schema.org/draft-04/schema': 'draft-04',
  'json-schema.org/draft-06/schema': 'draft-06',
  'json-schema.org/draft-07/schema': 'draft-07',
  'json-schema.org/draft/2019-09/schema': '2019-09',
  'json-schema.org/draft/2020-12/schema': '2020-12',
};

/** The draft a schema declares; 2020-12 when it declares none; an error naming the supported ones. */
export function detectDraft(
  schema: unknown,
): { ok: true; draft: SchemaDraft } | { ok: false; message: string } {
  if (!isPlainObject(schema) || schema.$schema === undefined) return { ok: true, draft: '2020-12' };
  const declared = schema.$schema;
  const key =
    typeof declared === 'string'
      ? declared
          .trim()
          .replace(/^https?:\/\//, '')
          .replace(/#$/, '')
      : '';
  const draft = BY_URI[key];
  if (draft) return { ok: true, draft };
  return {
    ok: false,
    message: `unsupported $schema ${JSON.stringify(declared)}; supported drafts: ${SUPPORTED_DRAFTS}`,
  };
}

/** A validator: true when valid, else its errors on `.errors` (ajv's shape). */
export type ValidateFunction = ((data: unknown) => boolean) & {
  errors?: ErrorObject[] | null;
  /** The schema it validates against (ajv sets it; built-ins get theirs), to explain oneOf errors. */
  schema?: unknown;
};

/** The part of an ajv instance the validator uses. */
export interface AjvInstance {
  compile(schema: object): ValidateFunction;
  addSchema(schema: object, key?: string): unknown;
  getSchema(key: string): unknown;
  /** ajv's own meta-schema check; with `throwOnError`, throws "schema is invalid: …". */
  validateSchema(schema: unknown, throwOnError?: boolean): unknown;
  /** ajv's text for a list of errors: "data/type must be …, data/… …". */
  errorsText(errors?: ErrorObject[] | null): string;
}

/**
 * Creates a fresh ajv instance for one draft (formats on, every error, not strict). It does not
 * check schemas against the meta-schema itself: meta-schema-check.ts does, precompiled.
 */
export type AjvFactory = () => AjvInstance;

type AjvClass = new (options: object) => AjvInstance;
/** CommonJS modules arrive as `{ default: module.exports }`, whose own `default` is the class. */
const unwrap = (module: { default: unknown }): AjvClass => {
  const outer = module.default as { default?: unknown };
  return (outer.default ?? outer) as AjvClass;
};

/** Loads the ajv class for a draft and returns a factory of configured instances. */
export async function loadAjvFactory(draft: SchemaDraft): Promise<AjvFactory> {
  const formats = await import('ajv-formats');
  const addFormats = unwrap(formats) as unknown as (ajv: AjvInstance) => void;
  let Ajv: AjvClass;
  let meta: object | undefined;
  if (draft === '2020-12') Ajv = unwrap(await import('ajv/dist/2020.js'));
  else if (draft === '2019-09') Ajv = unwrap(await import('ajv/dist/2019.js'));
  else if (draft === 'draft-04') Ajv = unwrap(await import('ajv-draft-04'));
  else {
    Ajv = unwrap(await import('ajv'));
    if (draft === 'draft-06')
      meta = (await import('ajv/dist/refs/json-schema-draft-06.json', { with: { type: 'json' } }))
        .default;
  }
  return () => {
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      validateFormats: true,
      validateSchema: false,
    });
    if (meta) (ajv as unknown as { addMetaSchema(s: object): void }).addMetaSchema(meta);
    addFormats(ajv);
    return ajv;
  };
}

/** True when a schema (anywhere in it) constrains numbers by value, which a rounded copy fools. */
export function usesNumericKeywords(schema: unknown): boolean {
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isPlainObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (NUMERIC_KEYWORDS.has(key)) return true;
        if (
          key === 'type' &&
          (value === 'integer' || (Array.isArray(value) && value.includes('integer')))
        )
          return true;
        if (typeof value === 'object') stack.push(value);
      }
    }
  }
  return false;
}

const NUMERIC_KEYWORDS = new Set([
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'multipleOf',
  'const',
  'enum',
]);
