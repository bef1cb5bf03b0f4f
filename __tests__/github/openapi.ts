// GitHub's REST description (trimmed, see scripts/extract-openapi-subset.mjs) made usable by ajv,
// plus a generator of documented-shape example values for the fake server's responses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

type Schema = Record<string, unknown>;
export const SPEC = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'openapi-subset.json'), 'utf8'),
) as {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Schema[];
        requestBody?: { content: Record<string, { schema: Schema }> };
        responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
      }
    >
  >;
  components: Record<string, Record<string, Schema>>;
};

/** Rewrites OpenAPI 3.0 `nullable` into JSON Schema (TOOLCHAIN.md: 135 uses have no type). */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string')
      out.$ref = value.replace('#/components/', 'openapi.json#/components/');
    else if (key !== 'nullable' && key !== 'example' && key !== 'examples')
      out[key] = toJsonSchema(value);
  }
  if ((node as Schema).nullable === true) {
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: false });
addFormats(ajv);
for (const format of [
  'int32',
  'int64',
  'double',
  'float',
  'binary',
  'repo.nwo',
  'timestamp',
  'uri-template',
])
  ajv.addFormat(format, true);
ajv.addSchema({ components: toJsonSchema(SPEC.components) }, 'openapi.json');
const paramAjv = new Ajv({ strict: false, coerceTypes: true });
addFormats(paramAjv);

// Compiling is the expensive part (tens of ms for a check run); each schema is compiled once.
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

/** Validates `value` against an OpenAPI schema; returns error messages. */
export function validateAgainst(schema: Schema, value: unknown, coerce = false): string[] {
  const key = `${coerce}:${JSON.stringify(schema)}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = (coerce ? paramAjv : ajv).compile(toJsonSchema(schema) as Schema);
    compiled.set(key, validate);
  }
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** Resolves a `$ref` within the description. */
export function deref(schema: Schema): Schema {
  let current = schema;
  while (typeof current.$ref === 'string') {
    const [, , kind, name] = current.$ref.split('/');
    current = SPEC.components[kind!]![name!]!;
  }
  return current;
}

/** A value of the documented shape: every required property, nulls where nullable. */
export function exampleOf(schema: Schema, depth = 0): unknown {
  const s = deref(schema);
  if (s.nullable === true && depth > 0) return null;
  if (Array.isArray(s.allOf))
    return Object.assign({}, ...(s.allOf as Schema[]).map((part) => exampleOf(part, depth)));
  if (Array.isArray(s.anyOf)) return exampleOf((s.anyOf as Schema[])[0]!, depth);
  if (Array.isArray(s.oneOf)) return exampleOf((s.oneOf as Schema[])[0]!, depth);
  if (Array.isArray(s.enum)) return s.enum[0];
  switch (s.type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      const required = (s.required ?? []) as string[];
      return Object.fromEntries(
        required.map((key) => [
          key,
          properties[key] ? exampleOf(properties[key], depth + 1) : null,
        ]),
      );
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'string':
      return s.format === 'date-time'
        ? '2026-02-08T12:00:00Z'
        : s.format === 'uri'
          ? 'https://github.example/x'
          : s.format === 'email'
            ? 'x@example.invalid'
            : 'x';
    default:
      return {};
  }
}
