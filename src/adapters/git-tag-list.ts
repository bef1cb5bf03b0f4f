// Every tag in the clone with the commit it points at, in one git call.

/** `git for-each-ref` arguments: name, object, and an annotated tag's commit (empty otherwise). */
export const TAG_LIST_ARGS = [
  'for-each-ref',
  '--format=%(refname:strip=2) %(objectname) %(*objectname)',
  'refs/tags',
];

/** Tag name → commit sha, from TAG_LIST_ARGS' output. */
export function parseTagList(stdout: string): Record<string, string> {
  const lines = stdout.split('\n').filter(Boolean);
  return Object.fromEntries(
    lines.map((line) => {
      const [name = '', object = '', peeled] = line.split(' ');
      return [name, peeled || object];
    }),
  );
}
