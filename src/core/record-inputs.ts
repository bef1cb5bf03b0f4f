// The record's digests come from the one list of inputs, `evidence.files`: every file the run
// read, whatever read it. Named by role where the config gives one, in a stable order: the
// configured files first, then the rest (schemas, scripts, their trees) by path.

import type { EvaluationContext } from './evaluation/evaluation-context.js';
import type { RecordDigest } from './record.js';

/** Digest entries for every file in the evidence. */
export function listInputDigests(context: EvaluationContext): RecordDigest[] {
  const { config, evidence } = context;
  const roles = new Map<string, string>();
  const name = (path: string, id: string) => {
    if (!roles.has(path)) roles.set(path, id);
  };
  name(config.path, 'config');
  config.artifacts.forEach((a) => name(a.path, a.id));
  config.documents.forEach((d) => name(d.path, d.id));
  if (config.changelog) name(config.changelog.path, 'changelog');
  if (config.jointDecision) name(config.jointDecision.path, 'joint-decision');
  if (config.consumer?.record) name(config.consumer.record, 'consumer-record');
  config.artifacts.forEach((a) => {
    if (a.schema && !a.schema.startsWith('builtin:')) name(a.schema, `schema.${a.id}`);
  });
  config.commands.forEach((c) => {
    if (c.body) name(c.body.path, `command.${c.id}`);
  });
  const named = [...roles.keys()].filter((path) => path in evidence.files);
  const rest = Object.keys(evidence.files)
    .filter((path) => !roles.has(path))
    .sort();
  return [...named, ...rest].map((path) => {
    const read = evidence.files[path]!;
    return {
      id: roles.get(path) ?? 'input',
      path,
      sha256: read.kind === 'ok' ? read.sha256 : null,
    };
  });
}
