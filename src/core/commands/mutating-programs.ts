// Which invocations of well-known tools change the world (deploy, apply, push, publish, delete).
// Each rule sees the program's words after its name; global options (and the values of the ones
// that take a value) are skipped before the subcommand is read, so `kubectl -n prod apply`,
// `terraform -chdir=infra apply` and `git -C . push` are seen for what they are.

import { INFRA_TOOLS } from './mutating-infra-tools.js';
import { RELEASE_TOOLS } from './mutating-release-tools.js';
import { positionalsOf, type ToolRule } from './mutation-rules.js';

const RULES: Record<string, ToolRule> = { ...INFRA_TOOLS, ...RELEASE_TOOLS };

/** The mutating subcommand of a known tool, e.g. `apply`; undefined when read-only or unknown. */
export function findMutatingInvocation(program: string, args: string[]): string | undefined {
  if (!Object.hasOwn(RULES, program)) return undefined;
  const rule = RULES[program]!;
  const positionals = positionalsOf(args, rule.options);
  const found = rule.check(positionals, args);
  if (found) return found;
  // An option we do not know may have taken the next word as its value: read one further.
  const first = firstPositionalIndex(args, rule.options);
  const unknown = args
    .slice(0, first)
    .some((a) => a.startsWith('-') && !a.includes('=') && !rule.options.includes(a));
  return unknown ? rule.check(positionals.slice(1), args) : undefined;
}

function firstPositionalIndex(args: readonly string[], valueOptions: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') return i;
    if (!arg.includes('=') && valueOptions.includes(arg)) i++;
  }
  return args.length;
}
