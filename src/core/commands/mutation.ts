// Rehearsal safety: commands that change the world (deploy, apply, push, publish) are refused in a
// rehearsal before they start. Marked `mutates: true`, or matching one of these patterns.

/** Built-in patterns of mutating commands; config `command_defaults.mutation_patterns` adds more. */
export const BUILTIN_MUTATION_PATTERNS: readonly string[] = [
  String.raw`\bdocker[ -]compose\b.*\s(up|down|rm|stop|kill|restart|start|create|pull|push)\b`,
  String.raw`\bdocker\s+(run|rm|rmi|stop|kill|push|start|restart|system\s+prune|volume\s+rm|network\s+rm)\b`,
  String.raw`\bkubectl\s+(apply|delete|create|replace|patch|scale|rollout\s+(restart|undo)|drain|cordon|edit|set)\b`,
  String.raw`\bhelm\s+(install|upgrade|uninstall|delete|rollback)\b`,
  String.raw`\bterraform\s+(apply|destroy|import)\b`,
  String.raw`\btofu\s+(apply|destroy|import)\b`,
  String.raw`\bpulumi\s+(up|destroy)\b`,
  String.raw`\bgit\s+push\b`,
  String.raw`\bgit\s+tag\s+-d\b`,
  String.raw`\b(npm|pnpm|yarn)\s+publish\b`,
  String.raw`\bcargo\s+publish\b`,
  String.raw`\b(twine|poetry)\s+(upload|publish)\b`,
  String.raw`\bgh\s+release\s+(create|delete|edit|upload)\b`,
  String.raw`\baws\s+\S+\s+(delete|put|create|update|terminate)-`,
  String.raw`\bgcloud\s+.*\s(deploy|delete|create|update)\b`,
];

/** Why a command must not run in a rehearsal, or undefined when it may. */
export function findMutation(
  command: { run: string; mutates: boolean },
  extraPatterns: readonly string[] = [],
): string | undefined {
  if (command.mutates) return 'marked mutates: true';
  for (const pattern of [...BUILTIN_MUTATION_PATTERNS, ...extraPatterns]) {
    const match = new RegExp(pattern).exec(command.run);
    if (match) return `matches the mutation pattern /${pattern}/ ("${match[0].trim()}")`;
  }
  return undefined;
}
