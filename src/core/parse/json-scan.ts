// A structural JSON scanner. JSON.parse builds values fast but forgives duplicate keys (it keeps the
// last one), accepts `__proto__` keys, and on Node 20 reports syntax errors without a position.
// This scanner builds nothing: it checks syntax, nesting depth, duplicate and forbidden keys, and
// finds the offset of a JSON pointer, so every message can name a line and column.

/** Keys that must never reach a JS object built from untrusted text. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** One problem the scanner found, at a character offset. */
export interface ScanIssue {
  offset: number;
  message: string;
  /** Syntax errors stop the scan; key problems are collected and the scan goes on. */
  fatal: boolean;
}

/** Options for a scan. */
export interface ScanOptions {
  maxDepth: number;
  /** Stop collecting after this many key problems. */
  maxIssues?: number;
}

class SyntaxStop extends Error {}

/** Scans a JSON text; returns every issue found (a syntax error is always the last). */
export function scanJson(text: string, options: ScanOptions): ScanIssue[] {
  const scanner = new Scanner(text, options);
  try {
    scanner.skipWhitespace();
    scanner.scanValue(0, true);
    scanner.skipWhitespace();
    if (scanner.pos < text.length) scanner.fail('unexpected text after the end of the JSON value');
  } catch (error) {
    if (!(error instanceof SyntaxStop)) throw error;
  }
  return scanner.issues;
}

/**
 * Finds where the value (or, with `key`, the member name) a pointer addresses starts.
 * Expects text that scanned clean; returns undefined when the pointer is absent.
 */
export function locateJsonPointer(
  text: string,
  segments: readonly string[],
  key = false,
): number | undefined {
  const scanner = new Scanner(text, { maxDepth: Number.MAX_SAFE_INTEGER });
  try {
    scanner.skipWhitespace();
    return scanner.find(segments, 0, key);
  } catch (error) {
    if (error instanceof SyntaxStop) return undefined;
    throw error;
  }
}

class Scanner {
  pos = 0;
  readonly issues: ScanIssue[] = [];
  private keyIssues = 0;

  constructor(
    private readonly text: string,
    private readonly options: ScanOptions,
  ) {}

  fail(message: string, offset = this.pos): never {
    this.issues.push({ offset, message, fatal: true });
    throw new SyntaxStop(message);
  }

  private note(offset: number, message: string): void {
    if (this.keyIssues++ < (this.options.maxIssues ?? 50)) {
      this.issues.push({ offset, message, fatal: false });
    }
  }

  skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
    this.pos = pos;
  }

  /** Scans one value; `check` turns on depth and key checks (off when only locating). */
  scanValue(depth: number, check: boolean): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === 123 /* { */) this.scanObject(depth + 1, check);
    else if (c === 91 /* [ */) this.scanArray(depth + 1, check);
    else if (c === 34 /* " */) this.scanString();
    else if (c === 45 || (c >= 48 && c <= 57)) this.scanNumber();
    else if (this.text.startsWith('true', this.pos)) this.pos += 4;
    else if (this.text.startsWith('false', this.pos)) this.pos += 5;
    else if (this.text.startsWith('null', this.pos)) this.pos += 4;
    else if (Number.isNaN(c)) this.fail('unexpected end of input: a value was expected');
    else
      this.fail(`unexpected character ${describeChar(this.text, this.pos)}: a value was expected`);
  }

  private enter(depth: number): void {
    if (depth > this.options.maxDepth) {
      this.fail(`nesting deeper than ${this.options.maxDepth} levels`);
    }
  }

  private scanObject(depth: number, check: boolean): void {
    this.enter(depth);
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      return;
    }
    const seen = check ? new Set<string>() : undefined;
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 34)
        this.fail(`expected a member name in double quotes`);
      const keyOffset = this.pos;
      const key = this.scanString();
      if (seen) {
        if (seen.has(key))
          this.note(
            keyOffset,
            `duplicate key "${key}" (JSON.parse would silently keep the last one)`,
          );
        seen.add(key);
        if (FORBIDDEN_KEYS.has(key)) this.note(keyOffset, `forbidden key "${key}"`);
      }
      this.expectColon();
      this.scanValue(depth, check);
      if (this.afterMember(125, 'object')) return;
    }
  }

  private scanArray(depth: number, check: boolean): void {
    this.enter(depth);
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 93) {
      this.pos++;
      return;
    }
    for (;;) {
      this.scanValue(depth, check);
      if (this.afterMember(93, 'array')) return;
    }
  }

  private expectColon(): void {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== 58) this.fail(`expected ':' after a member name`);
    this.pos++;
    this.skipWhitespace();
  }

  /** After a member or element: true at the closing bracket, false after a comma. */
  private afterMember(close: number, what: string): boolean {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    if (c === close) {
      this.pos++;
      return true;
    }
    if (c !== 44) {
      this.fail(`expected ',' or '${String.fromCharCode(close)}' in ${what}`);
    }
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === close) this.fail(`trailing comma in ${what}`);
    return false;
  }

  /** Scans a string and returns its decoded value. */
  scanString(): string {
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 34) break;
      if (Number.isNaN(c)) this.fail('unterminated string', start);
      if (c < 32) this.fail('control character in string (escape it)', pos);
      if (c === 92) {
        escaped = true;
        const e = text.charCodeAt(pos + 1);
        if (e === 117) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6)))
            this.fail('bad \\u escape', pos);
          pos += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[pos + 1] ?? '')) this.fail('bad escape in string', pos);
        pos += 2;
        continue;
      }
      pos++;
    }
    this.pos = pos + 1;
    const raw = text.slice(start, pos + 1);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  private scanNumber(): void {
    const match = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    match.lastIndex = this.pos;
    if (!match.exec(this.text) || match.lastIndex === this.pos) this.fail('malformed number');
    this.pos = match.lastIndex;
  }

  /** Descends along `segments`; returns the offset of the addressed value (or member name). */
  find(segments: readonly string[], index: number, key: boolean): number | undefined {
    if (index === segments.length) return this.pos;
    const segment = segments[index];
    const c = this.text.charCodeAt(this.pos);
    if (c === 123) {
      this.pos++;
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) === 125) return undefined;
      for (;;) {
        const keyOffset = this.pos;
        const name = this.scanString();
        this.expectColon();
        if (name === segment) {
          return key && index === segments.length - 1
            ? keyOffset
            : this.find(segments, index + 1, key);
        }
        this.scanValue(0, false);
        if (this.afterMember(125, 'object')) return undefined;
      }
    }
    if (c === 91) {
      this.pos++;
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) === 93) return undefined;
      for (let i = 0; ; i++) {
        if (String(i) === segment) return this.find(segments, index + 1, key);
        this.scanValue(0, false);
        if (this.afterMember(93, 'array')) return undefined;
      }
    }
    return undefined;
  }
}

function describeChar(text: string, pos: number): string {
  return JSON.stringify(text.slice(pos, pos + 1));
}
