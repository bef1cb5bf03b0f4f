// A command whose body does nothing but succeed ("placeholder-style", the second seed's open
// constraint) proves nothing; it is flagged rather than counted as evidence.

const PLACEHOLDER_PART = /^(true|:|exit( 0)?|echo(\s.*)?|printf(\s.*)?|sleep \d+)$/;

/** True when every part of the command line is a no-op (`true`, `:`, `exit 0`, `echo …`). */
export function isPlaceholderCommand(run: string): boolean {
  const parts = run
    .split(/&&|\|\||;|\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith('#'));
  return parts.length > 0 && parts.every((part) => PLACEHOLDER_PART.test(part));
}
