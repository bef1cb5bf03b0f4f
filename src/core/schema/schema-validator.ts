// JSON Schema (draft 2020-12) validation whose every error points at a line and column.
// One validator per run compiles each schema once and refuses schemas that reach the network.

import Ajv2020Module, { type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import {
  formatPointer,
  isPlainObject,
  parsePointer,
  resolvePointer,
} from '../parse/json-pointer.js';
import { locationOf, type ParsedDocument } from '../parse/parse-document.js';
import type { Finding } from '../model.js';
import { BUILTIN_SCHEMAS, builtinSchemaName } from './builtin-schemas.js';
import precompiled from './generated/builtin-validators.cjs';
import { readOwn } from '../own-key.js';
import { collapseAlternatives } from './collapse-alternatives.js';

// ajv and ajv-formats are CommonJS with a `default` export property; unwrap once here.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/** A validator: true when valid, else its errors on `.errors` (ajv's shape, precompiled or not). */
export type ValidateFunction = ((data: unknown) => boolean) & {
  errors?: ErrorObject[] | null;
  /** The schema it validates against (ajv sets it; built-ins get theirs), to explain oneOf errors. */
  schema?: unknown;
};

/** A schema to compile: where it came from (for messages) and its parsed body. */
export interface SchemaSource {
  /** `builtin:<name>` or the workspace path of the schema file. */
  name: string;
  schema: unknown;
  /** Further schema files it `$ref`s, keyed by the URI they are addressed by. */
  companions?: Record<string, unknown>;
}

export type CompiledSchema =
  { ok: true; validate: ValidateFunction } | { ok: false; message: string };

/** Most schema errors kept per document; the rest are counted, not listed. */
export const MAX_SCHEMA_FINDINGS = 100;

/**
 * Creates a validator for one run. Built-in schemas are precompiled at build time
 * (scripts/generate-validators.mjs); user schemas compile once each, on first use, with an ajv
 * instance created only when one is needed.
 */
export function createSchemaValidator() {
  let ajv: InstanceType<typeof Ajv2020> | undefined;
  const builtinIds = new Set(
    Object.values(BUILTIN_SCHEMAS).map((schema) => (schema as { $id: string }).$id),
  );
  const cache = new Map<string, CompiledSchema>();
  const runtime = () => {
    if (!ajv) {
      ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
      addFormats(ajv);
      for (const schema of Object.values(BUILTIN_SCHEMAS)) ajv.addSchema(schema);
    }
    return ajv;
  };

  return {
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
      return { ok: true, validate: withSchema };
    }
    const remote = findNetworkRefs(source.schema, builtinIds, Object.keys(source.companions ?? {}));
    if (remote.length > 0) {
      return {
        ok: false,
        message: `schema ${source.name} refers to the network (${remote.join(', ')}); the gate never fetches schemas: vendor the referenced schema into the repository and $ref it by relative path`,
      };
    }
    try {
      const instance = runtime();
      for (const [uri, companion] of Object.entries(source.companions ?? {})) {
        if (!instance.getSchema(uri)) instance.addSchema(companion as object, uri);
      }
      const schema =
        isPlainObject(source.schema) && !source.schema.$id
          ? { ...source.schema, $id: schemaUri(source.name) }
          : source.schema;
      return { ok: true, validate: instance.compile(schema as object) };
    } catch (error) {
      return {
        ok: false,
        message: `schema ${source.name} does not compile: ${(error as Error).message}`,
      };
    }
  }
}

export type SchemaValidator = ReturnType<typeof createSchemaValidator>;

/** The URI a workspace schema file is known by, so relative `$ref`s resolve to sibling files. */
export function schemaUri(path: string): string {
  return `file:///workspace/${path.replace(/^\/+/, '')}`;
}

/** Validates a parsed document; each error becomes a finding at the offending line:column. */
export function validateDocument(
  validate: ValidateFunction,
  document: ParsedDocument,
  file: string,
): Finding[] {
  if (validate(document.value)) return [];
  const errors = collapseAlternatives(validate.errors ?? [], validate.schema);
  const findings = errors
    .slice(0, MAX_SCHEMA_FINDINGS)
    .map((error) => toFinding(error, document, file));
  if (errors.length > MAX_SCHEMA_FINDINGS) {
    findings.push({
      message: `… and ${errors.length - MAX_SCHEMA_FINDINGS} more schema errors`,
      location: { file },
    });
  }
  return findings;
}

function toFinding(error: ErrorObject, document: ParsedDocument, file: string): Finding {
  let pointer = error.instancePath;
  let atKey = false;
  let message = `${pointer || '/'} ${error.message ?? 'is invalid'}`;
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    pointer = formatPointer([...parsePointer(pointer), extra]);
    atKey = true;
    message = `${pointer} is not allowed here (unknown property "${extra}")`;
  } else if (error.keyword === 'enum') {
    message += `: ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`;
  } else if (error.keyword === 'format' && error.params.format === 'date-time') {
    message = `${pointer} must be a date-time like 2026-02-08T10:05:00Z (RFC 3339, with a zone)`;
  } else if (error.keyword === 'const') {
    message += `: ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`;
  }
  const data = resolvePointer(document.value, error.instancePath);
  if (
    error.keyword !== 'required' &&
    data.found &&
    (data.value === null || typeof data.value !== 'object')
  ) {
    message += ` (found ${JSON.stringify(data.value)})`;
  }
  return { message, location: locationOf(file, document, pointer, atKey) };
}

/** Lists `$ref` values that leave the file and are not built-in or vendored companions. */
function findNetworkRefs(schema: unknown, builtinIds: Set<string>, companions: string[]): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isPlainObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (
          (key === '$ref' || key === '$dynamicRef') &&
          typeof value === 'string' &&
          /^[a-z][a-z0-9+.-]*:/i.test(value)
        ) {
          const base = value.split('#')[0] ?? '';
          if (
            !builtinIds.has(base) &&
            !companions.includes(base) &&
            !base.startsWith('file:///workspace/')
          )
            found.push(value);
        } else visit(value);
      }
    }
  };
  visit(schema);
  return found;
}
