// Parses and validates the gate config. Any error stops the run before anything executes, so every
// message names file:line:column and says what was expected.

import type { ErrorObject } from 'ajv/dist/2020.js';
import {
  formatPointer,
  isPlainObject,
  parsePointer,
  resolvePointer,
} from '../parse/json-pointer.js';
import { BUILTIN_SCHEMAS } from '../schema/builtin-schemas.js';
import {
  detectFormat,
  locationOf,
  parseText,
  type ParsedDocument,
} from '../parse/parse-document.js';
import type { SchemaValidator } from '../schema/schema-validator.js';
import type { CheckpointConfig, ConfigError } from './config-types.js';
import { suggestName } from './did-you-mean.js';
import { checkBuiltinSchemaRefs } from './builtin-schema-refs.js';
import { checkConfigSemantics } from './config-semantics.js';
import { normalizeConfig } from './normalize-config.js';

export type ConfigResult =
  { ok: true; config: CheckpointConfig } | { ok: false; errors: ConfigError[] };

const MAX_CONFIG_ERRORS = 20;

/** Parses, schema-validates, cross-checks and normalizes a config text read from `path`. */
export function parseConfig(text: string, path: string, validator: SchemaValidator): ConfigResult {
  const parsed = parseText(text, detectFormat(path, text), { maxDepth: 32 });
  if (!parsed.ok) {
    return {
      ok: false,
      errors: parsed.issues.map((issue) => ({
        message: issue.message,
        location: { file: path, ...issue.position },
      })),
    };
  }
  const document = parsed.document;
  if (!isPlainObject(document.value)) {
    return {
      ok: false,
      errors: [
        {
          message: 'the config must be a mapping (version, gate, …)',
          location: { file: path, line: 1, column: 1 },
        },
      ],
    };
  }
  const compiled = validator.compile({ name: 'builtin:checkpoint-config', schema: undefined });
  if (!compiled.ok) throw new Error(compiled.message, { cause: compiled.cause });
  if (!compiled.validate(document.value)) {
    const errors = explainSchemaErrors(compiled.validate.errors ?? [], document, path);
    return { ok: false, errors: errors.slice(0, MAX_CONFIG_ERRORS) };
  }
  const at = (pointer: string, key = false) => locationOf(path, document, pointer, key);
  const semanticErrors = [
    ...checkBuiltinSchemaRefs(document.value, at),
    ...checkConfigSemantics(document.value, at),
  ];
  if (semanticErrors.length > 0)
    return { ok: false, errors: semanticErrors.slice(0, MAX_CONFIG_ERRORS) };
  return {
    ok: true,
    config: normalizeConfig(document.value, path, at, document.inexactNumbers),
  };
}

/** Turns ajv's errors into one readable message per problem, most specific first. */
function explainSchemaErrors(
  errors: ErrorObject[],
  document: ParsedDocument,
  path: string,
): ConfigError[] {
  const result: ConfigError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // oneOf/anyOf (and propertyNames, for the key's own error) restate what was already said.
    if (['oneOf', 'anyOf', 'propertyNames'].includes(error.keyword)) continue;
    const { message, pointer, atKey } = describeError(error, document.value);
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({
      message,
      location: locationOf(path, document, pointer, atKey),
    });
  }
  return result;
}

function describeError(
  error: ErrorObject,
  config: unknown,
): { message: string; pointer: string; atKey: boolean } {
  const where = error.instancePath || '(top level)';
  const params = error.params as Record<string, unknown>;
  const found = resolvePointer(config, error.instancePath);
  const data = found.found ? found.value : undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const known = knownProperties(error.schemaPath);
      const suggestion = suggestName(extra, known);
      const hint = suggestion
        ? `; did you mean '${suggestion}'?`
        : known.length > 0
          ? `; expected one of: ${known.join(', ')}`
          : '';
      return {
        message: `unknown key '${extra}' in ${where}${hint}`,
        pointer: formatPointer([...parsePointer(error.instancePath), extra]),
        atKey: true,
      };
    }
    case 'required':
      return {
        message: `${where} is missing required key '${String(params.missingProperty)}'`,
        pointer: error.instancePath,
        atKey: false,
      };
    case 'enum':
      return {
        message: `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (found ${JSON.stringify(data)})`,
        pointer: error.instancePath,
        atKey: false,
      };
    case 'const':
      return {
        message: `${where} must be ${JSON.stringify(params.allowedValue)} (found ${JSON.stringify(data)})`,
        pointer: error.instancePath,
        atKey: false,
      };
    case 'type':
      return {
        message: `${where} must be ${String(params.type)} (found ${describeType(data)})`,
        pointer: error.instancePath,
        atKey: false,
      };
    case 'pattern': {
      // The schema's description says what the pattern means, where it has one.
      const rule = resolvePointer(
        BUILTIN_SCHEMAS['checkpoint-config'],
        error.schemaPath.replace(/^#/, '').replace(/\/pattern$/, '/description'),
      );
      const why = rule.found && typeof rule.value === 'string' ? `: ${rule.value}` : '';
      // A key's error (propertyNames) is at the key, and quotes the key, not the mapping.
      const key = (error as ErrorObject & { propertyName?: string }).propertyName;
      return key === undefined
        ? {
            message: `${where} must match ${String(params.pattern)} (found ${JSON.stringify(data)})${why}`,
            pointer: error.instancePath,
            atKey: false,
          }
        : {
            message: `${where} has the key ${JSON.stringify(key)}, which must match ${String(params.pattern)}${why}`,
            pointer: formatPointer([...parsePointer(error.instancePath), key]),
            atKey: true,
          };
    }
    default:
      return {
        message: `${where} ${error.message ?? 'is invalid'}`,
        pointer: error.instancePath,
        atKey: false,
      };
  }
}

/** The property names the schema allows where an `additionalProperties` error was raised. */
function knownProperties(schemaPath: string): string[] {
  // schemaPath is '#/…/additionalProperties' inside the config schema; its parent holds `properties`.
  const parent = resolvePointer(
    BUILTIN_SCHEMAS['checkpoint-config'],
    schemaPath.replace(/^#/, '').replace(/\/additionalProperties$/, ''),
  );
  const properties =
    parent.found && isPlainObject(parent.value) ? parent.value.properties : undefined;
  return isPlainObject(properties) ? Object.keys(properties) : [];
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
