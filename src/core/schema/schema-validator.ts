// JSON Schema validation whose every error points at a line and column, in the draft each user
// schema names (schema-drafts.ts). One validator per run compiles each schema once and refuses
// schemas that reach the network. Numbers a double cannot hold are never validated on a rounded copy.

import { isPlainObject } from '../parse/json-pointer.js';
import { BUILTIN_SCHEMAS, builtinSchemaName } from './builtin-schemas.js';
import precompiled from './generated/builtin-validators.cjs';
import { findNetworkRefs } from './network-refs.js';
import {
  detectDraft,
  loadAjvFactory,
  usesNumericKeywords,
  type AjvFactory,
  type AjvInstance,
  type SchemaDraft,
  type ValidateFunction,
} from './schema-drafts.js';
import { readOwn } from '../own-key.js';
import { assertSchemaValid, loadMetaValidators, type MetaValidators } from './meta-schema-check.js';

export type { ValidateFunction } from './schema-drafts.js';

/** A schema to compile: where it came from (for messages) and its parsed body. */
export interface SchemaSource {
  /** `builtin:<name>` or the workspace path of the schema file. */
  name: string;
  schema: unknown;
  /** Further schema files it `$ref`s, keyed by the URI they are addressed by. */
  companions?: Record<string, unknown>;
}

/**
 * A compiled schema; `numeric` when it constrains numbers by value (see validateDocument). Not
 * compiled: `cause` is the error ajv threw, if it threw (for `{ cause }` on a rethrow).
 */
export type CompiledSchema =
  | { ok: true; validate: ValidateFunction; numeric: boolean }
  | { ok: false; message: string; cause?: unknown };

/**
 * Creates a validator for one run. Built-in schemas are precompiled at build time
 * (scripts/generate-validators.mjs); user schemas compile once each, on first use, with an ajv
 * instance of their draft, whose class `load` brought in beforehand (compiling is synchronous).
 */
export function createSchemaValidator() {
  const factories = new Map<SchemaDraft, AjvFactory>();
  const instances = new Map<SchemaDraft, AjvInstance>();
  const builtinIds = new Set(
    Object.values(BUILTIN_SCHEMAS).map((schema) => (schema as { $id: string }).$id),
  );
  const cache = new Map<string, CompiledSchema>();
  let metas: MetaValidators | undefined;
  const runtime = (draft: SchemaDraft): AjvInstance | undefined => {
    let ajv = instances.get(draft);
    const create = factories.get(draft);
    if (!ajv && create) {
      ajv = create();
      // Built-ins are 2020-12; only an instance of that draft can hold them for `$ref`s.
      if (draft === '2020-12')
        for (const schema of Object.values(BUILTIN_SCHEMAS)) ajv.addSchema(schema);
      instances.set(draft, ajv);
    }
    return ajv;
  };

  return {
    /** Loads the validator classes for these drafts (once each), before anything compiles. */
    async load(drafts: Iterable<SchemaDraft>): Promise<void> {
      for (const draft of new Set(drafts)) {
        if (!factories.has(draft)) factories.set(draft, await loadAjvFactory(draft));
        metas ??= await loadMetaValidators();
      }
    },
    /** Compiles (or returns the cached) schema; network `$ref`s and bad schemas become messages. */
    compile(source: SchemaSource): CompiledSchema {
      const cached = cache.get(source.name);
      if (cached) return cached;
      const result = compileOnce(source);
      cache.set(source.name, result);
      return result;
    },
  };

  function compileOnce(source: SchemaSource): CompiledSchema {
    const builtin = builtinSchemaName(source.name);
    if (builtin !== undefined) {
      // Own keys only: `builtin:constructor` must be unknown, not Object.
      const validate = readOwn<(typeof precompiled)[string]>(precompiled, builtin);
      if (!validate) {
        return {
          ok: false,
          message: `unknown built-in schema '${source.name}'; known: ${Object.keys(BUILTIN_SCHEMAS)
            .map((n) => `builtin:${n}`)
            .join(', ')}`,
        };
      }
      const withSchema: ValidateFunction = validate;
      withSchema.schema ??= readOwn(BUILTIN_SCHEMAS, builtin);
      return {
        ok: true,
        validate: withSchema,
        numeric: usesNumericKeywords(BUILTIN_SCHEMAS[builtin]),
      };
    }
    const draft = detectDraft(source.schema);
    if (!draft.ok) return { ok: false, message: `schema ${source.name}: ${draft.message}` };
    const remote = findNetworkRefs(source.schema, builtinIds, Object.keys(source.companions ?? {}));
    if (remote.length > 0) {
      return {
        ok: false,
        message: `schema ${source.name} refers to the network (${remote.join(', ')}); the gate never fetches schemas: vendor the referenced schema into the repository and $ref it by relative path`,
      };
    }
    const instance = runtime(draft.draft);
    if (!instance || !metas)
      return {
        ok: false,
        message: `schema ${source.name} is ${draft.draft}, whose validator was not loaded (internal fault)`,
      };
    try {
      for (const [uri, companion] of Object.entries(source.companions ?? {})) {
        if (instance.getSchema(uri)) continue;
        assertSchemaValid(companion, draft.draft, instance, metas);
        instance.addSchema(companion as object, uri);
      }
      assertSchemaValid(source.schema, draft.draft, instance, metas);
      const schema =
        isPlainObject(source.schema) && !source.schema.$id
          ? { ...source.schema, $id: schemaUri(source.name) }
          : source.schema;
      return {
        ok: true,
        validate: instance.compile(schema as object),
        numeric: [source.schema, ...Object.values(source.companions ?? {})].some(
          usesNumericKeywords,
        ),
      };
    } catch (error) {
      // The schema is the user's: whatever ajv throws on it is its failure (the error kept).
      return {
        ok: false,
        message: `schema ${source.name} does not compile: ${(error as Error).message}`,
        cause: error,
      };
    }
  }
}

export type SchemaValidator = ReturnType<typeof createSchemaValidator>;

/** The URI a workspace schema file is known by, so relative `$ref`s resolve to sibling files. */
export function schemaUri(path: string): string {
  return `file:///workspace/${path.replace(/^\/+/, '')}`;
}
