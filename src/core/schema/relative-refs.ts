// Finds the sibling schema files a schema `$ref`s by relative path, so they can be read and vendored.

import { isPlainObject } from '../parse/json-pointer.js';
import { joinWorkspacePath, normalizeWorkspacePath, workspaceDirname } from '../workspace-path.js';

/** The file parts of relative `$ref`s (`common.json` from `./common.json#/$defs/x`). */
export function listRelativeRefs(schema: unknown): string[] {
  const refs = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isPlainObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const file = value.split('#')[0] ?? '';
          if (file !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(file)) refs.add(file);
        } else visit(value);
      }
    }
  };
  visit(schema);
  return [...refs];
}

/** Workspace paths of the schema files `path` `$ref`s by relative path (one level). */
export function listRefTargets(path: string, schema: unknown): string[] {
  return listRelativeRefs(schema).flatMap((ref) => {
    const target = normalizeWorkspacePath(joinWorkspacePath(workspaceDirname(path), ref));
    return target.ok ? [target.path] : [];
  });
}

/** User schema paths the config names (artifacts and rules), without built-ins. */
export function listUserSchemas(config: {
  artifacts: { schema?: string }[];
  rules: { schema?: string }[];
}): string[] {
  return [...config.artifacts.map((a) => a.schema), ...config.rules.map((r) => r.schema)].filter(
    (s): s is string => s !== undefined && !s.startsWith('builtin:'),
  );
}
