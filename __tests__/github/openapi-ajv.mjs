// The one recipe that turns GitHub's REST description (the trimmed subset in fixtures/) into
// ajv validators: shared by the fake server's validation (openapi.ts) and the script that
// precompiles those validators (scripts/generate-openapi-validators.mjs), so both compile the
// same schemas with the same options. Plain JavaScript: the script runs on Node without a loader.
import { createHash } from 'node:crypto';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

/** The formats the description uses that ajv-formats does not know: accepted as they are. */
const OPENAPI_ONLY_FORMATS = [
  'int32',
  'int64',
  'double',
  'float',
  'binary',
  'repo.nwo',
  'timestamp',
  'uri-template',
];

/**
 * Rewrites OpenAPI 3.0 into JSON Schema: `nullable` (TOOLCHAIN.md: 135 uses have no type)
 * becomes a null alternative, `$ref`s point into the `openapi.json` schema, examples go.
 * @param {unknown} node
 * @returns {unknown}
 */
export function toJsonSchema(node) {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string')
      out.$ref = value.replace('#/components/', 'openapi.json#/components/');
    else if (key !== 'nullable' && key !== 'example' && key !== 'examples')
      out[key] = toJsonSchema(value);
  }
  if (/** @type {Record<string, unknown>} */ (node).nullable === true) {
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/**
 * The two ajv instances: `body` (requests and responses, no coercion, the description's
 * components addressable as `openapi.json`) and `params` (path and query strings coerced).
 * @param {{ components: Record<string, unknown> }} spec
 * @param {boolean} source keep the generated code (for standalone output)
 */
export function createOpenApiAjv(spec, source = false) {
  const code = source ? { source: true, lines: false } : undefined;
  const body = new Ajv({ strict: false, allErrors: true, coerceTypes: false, code });
  addFormats(body);
  for (const format of OPENAPI_ONLY_FORMATS) body.addFormat(format, true);
  body.addSchema({ components: toJsonSchema(spec.components) }, 'openapi.json');
  const params = new Ajv({ strict: false, coerceTypes: true, code });
  addFormats(params);
  return { body, params };
}

/**
 * The name a validator goes by: the hash of the schema as the description writes it and
 * whether strings are coerced (a parameter). Same schema, same name, in both places.
 * @param {unknown} schema
 * @param {boolean} coerce
 */
export function validatorName(schema, coerce) {
  return createHash('sha256')
    .update(`${coerce}:${JSON.stringify(schema)}`)
    .digest('hex')
    .slice(0, 24);
}

/**
 * Follows `$ref`s (`#/components/<kind>/<name>`) within the description to the object they name.
 * @param {any} spec the description
 * @param {any} schema
 * @returns {any}
 */
export function derefIn(spec, schema) {
  let current = schema;
  while (typeof current?.$ref === 'string') {
    const [, , kind, name] = current.$ref.split('/');
    current = spec.components[kind][name];
  }
  return current;
}

/**
 * Every schema the fake server validates with, as it asks for it: each operation's path and
 * query parameters (wrapped as `{ value }`, coerced), JSON request body and JSON responses.
 * @param {any} spec the description
 * @returns {{ schema: unknown, coerce: boolean }[]}
 */
export function validatedSchemas(spec) {
  const deref = (/** @type {any} */ schema) => derefIn(spec, schema);
  const out = [];
  for (const operations of Object.values(spec.paths))
    for (const operation of Object.values(/** @type {Record<string, any>} */ (operations))) {
      for (const parameter of (operation.parameters ?? []).map(deref))
        if (parameter.in === 'path' || parameter.in === 'query')
          out.push({
            schema: { type: 'object', properties: { value: parameter.schema } },
            coerce: true,
          });
      const request = operation.requestBody?.content?.['application/json']?.schema;
      if (request) out.push({ schema: request, coerce: false });
      for (const response of Object.values(operation.responses)) {
        const documented = deref(response)?.content?.['application/json']?.schema;
        if (documented) out.push({ schema: documented, coerce: false });
      }
    }
  return out;
}
