// `schema: builtin:NAME` must name a schema the product ships: a typo is a config error (exit 3
// before anything runs), not a failing artifact check after the commands ran.

import { BUILTIN_SCHEMAS, builtinSchemaName } from '../schema/builtin-schemas.js';
import type { ConfigError } from './config-types.js';
import { suggestName } from './did-you-mean.js';
import type { SourceLocation } from '../model.js';

/** One error per artifact whose `builtin:` schema is unknown, with the closest known name. */
export function checkBuiltinSchemaRefs(
  config: Record<string, unknown>,
  at: (pointer: string) => SourceLocation,
): ConfigError[] {
  const names = Object.keys(BUILTIN_SCHEMAS);
  const artifacts = Array.isArray(config.artifacts) ? (config.artifacts as unknown[]) : [];
  return artifacts.flatMap((artifact, i) => {
    const schema = (artifact as { schema?: unknown } | null)?.schema;
    const name = typeof schema === 'string' ? builtinSchemaName(schema) : undefined;
    if (name === undefined || Object.hasOwn(BUILTIN_SCHEMAS, name)) return [];
    const suggestion = suggestName(name, names);
    return [
      {
        message: `unknown built-in schema '${schema as string}'${suggestion ? `; did you mean 'builtin:${suggestion}'?` : ''} (built-in schemas: ${names.join(', ')})`,
        location: at(`/artifacts/${i}/schema`),
      },
    ];
  });
}
