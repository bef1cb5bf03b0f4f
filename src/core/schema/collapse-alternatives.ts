// ajv reports a failed `oneOf`/`anyOf` as one error per branch plus the oneOf itself: three lines
// for `"producer": "GO"` ("must be null", "must be object", "must match exactly one schema").
// People need one: what shape was expected. When a branch matched the type and failed deeper
// (a bad `signed_at` inside a signature object), only the deeper errors say something.

import type { ErrorObject } from 'ajv/dist/2020.js';
import { isPlainObject, parsePointer } from '../parse/json-pointer.js';

/**
 * The errors with each failed oneOf/anyOf group reduced: to its deeper errors when there are any,
 * else to one error whose message names the alternatives (`must be null or {decision, signed_by,
 * signed_at}`), read from `schema` when it is given.
 */
export function collapseAlternatives(errors: ErrorObject[], schema: unknown): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const replaced = new Map<ErrorObject, ErrorObject>();
  for (const group of errors) {
    if (group.keyword !== 'oneOf' && group.keyword !== 'anyOf') continue;
    const prefix = `${group.schemaPath}/`;
    // The same schema path fails once per instance (every role's signature): group by both.
    const below = (e: ErrorObject) => e.instancePath.startsWith(`${group.instancePath}/`);
    const branches = errors.filter(
      (e) => e.schemaPath.startsWith(prefix) && (e.instancePath === group.instancePath || below(e)),
    );
    const deeper = branches.filter(below);
    if (deeper.length > 0) {
      dropped.add(group);
      for (const e of branches) if (!deeper.includes(e)) dropped.add(e);
      continue;
    }
    for (const e of branches) dropped.add(e);
    const shapes = describeAlternatives(schema, group.schemaPath);
    if (shapes) replaced.set(group, { ...group, message: `must be ${shapes.join(' or ')}` });
  }
  return errors.filter((e) => !dropped.has(e) || replaced.has(e)).map((e) => replaced.get(e) ?? e);
}

/** `null`, `{a, b}` (an object's properties), `"GO" | "NO-GO"`, or a type name, per branch. */
function describeAlternatives(schema: unknown, schemaPath: string): string[] | undefined {
  const list = resolveSchemaPath(schema, schemaPath);
  if (!Array.isArray(list)) return undefined;
  return list.map((branch) => {
    const node = resolveRef(schema, branch);
    if (!isPlainObject(node)) return 'valid';
    if (Array.isArray(node.enum)) return node.enum.map((v) => JSON.stringify(v)).join(' | ');
    if (isPlainObject(node.properties)) return `{${Object.keys(node.properties).join(', ')}}`;
    if (typeof node.type === 'string') return node.type === 'null' ? 'null' : `a ${node.type}`;
    return 'valid';
  });
}

function resolveSchemaPath(schema: unknown, schemaPath: string): unknown {
  if (!schemaPath.startsWith('#')) return undefined;
  let node: unknown = schema;
  for (const key of parsePointer(schemaPath.slice(1))) {
    // Own keys only: a schema from the judged tree may name `__proto__`.
    node =
      (isPlainObject(node) || Array.isArray(node)) && Object.hasOwn(node, key)
        ? (node as Record<string, unknown>)[key]
        : undefined;
    node = resolveRef(schema, node);
  }
  return node;
}

function resolveRef(schema: unknown, node: unknown): unknown {
  if (!isPlainObject(node) || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/'))
    return node;
  return resolveSchemaPath(schema, node.$ref);
}
