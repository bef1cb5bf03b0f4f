// Shared shapes of the mutation rules: a rule reads a tool's positional words (options skipped).

/** Reads a tool's positional words and full words; names the mutating subcommand, if any. */
export type Rule = (positionals: string[], words: string[]) => string | undefined;

/** A tool's options that take a separate value, and its rule. */
export interface ToolRule {
  options: readonly string[];
  check: Rule;
}

/** Space-separated words (keeps the tables short). */
export function w(text: string): string[] {
  return text.split(' ');
}

/** A subcommand in `verbs`, or a pair `first second` listed in `nested`. */
export const verb =
  (verbs: readonly string[], nested: Record<string, readonly string[]> = {}): Rule =>
  (p) => {
    const [first, second] = p;
    if (first && verbs.includes(first)) return first;
    if (first && second && Object.hasOwn(nested, first) && nested[first]!.includes(second))
      return `${first} ${second}`;
    return undefined;
  };

/** The first positional word in `verbs`, anywhere in the line (gcloud, az, mvn). */
export const anyOf =
  (verbs: readonly string[]): Rule =>
  (p) =>
    p.find((word) => verbs.includes(word));

/** Non-option words: options, their values (when listed) and `-x=value` forms skipped. */
export function positionalsOf(args: readonly string[], valueOptions: readonly string[]): string[] {
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return [...positionals, ...args.slice(i + 1)];
    if (arg.startsWith('-') && arg.length > 1) {
      if (!arg.includes('=') && valueOptions.includes(arg)) i++;
      continue;
    }
    positionals.push(arg);
  }
  return positionals;
}
