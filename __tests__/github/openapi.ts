// GitHub's REST description (trimmed, see scripts/extract-openapi-subset.mjs) made usable by ajv,
// plus a generator of documented-shape example values for the fake server's responses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import precompiled from './fixtures/openapi-validators.cjs';
import { createOpenApiAjv, derefIn, toJsonSchema, validatorName } from './openapi-ajv.mjs';

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

// Compiling is the expensive part (tens of ms for a check run, seconds a suite run in every
// worker): every schema the description holds comes precompiled (fixtures/openapi-validators.cjs,
// kept current by a test); one it does not hold is compiled here, once.
let compilers: ReturnType<typeof createOpenApiAjv> | undefined;
const compiled = new Map<string, ValidateFunction>();
// By schema object as well: a validator's name hashes the schema's JSON (a check run's response
// schema is tens of kB), and the description's objects are asked for again on every request.
const bySchema = {
  body: new WeakMap<Schema, ValidateFunction>(),
  params: new WeakMap<Schema, ValidateFunction>(),
};

function validatorFor(schema: Schema, coerce: boolean): ValidateFunction {
  const memo = bySchema[coerce ? 'params' : 'body'];
  let validate = memo.get(schema);
  if (!validate) memo.set(schema, (validate = namedValidator(schema, coerce)));
  return validate;
}

function namedValidator(schema: Schema, coerce: boolean): ValidateFunction {
  const name = validatorName(schema, coerce);
  const ready = Object.hasOwn(precompiled[coerce ? 'params' : 'body'], name)
    ? precompiled[coerce ? 'params' : 'body'][name]
    : compiled.get(name);
  if (ready) return ready;
  compilers ??= createOpenApiAjv(SPEC);
  const validate = compilers[coerce ? 'params' : 'body'].compile(toJsonSchema(schema) as Schema);
  compiled.set(name, validate);
  return validate;
}

/** Validates `value` against an OpenAPI schema; returns error messages. */
export function validateAgainst(schema: Schema, value: unknown, coerce = false): string[] {
  const validate = validatorFor(schema, coerce);
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** Resolves a `$ref` within the description. */
export function deref(schema: Schema): Schema {
  return derefIn(SPEC, schema) as Schema;
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
