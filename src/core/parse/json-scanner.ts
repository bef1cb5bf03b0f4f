// The token-level half of the JSON scanner: whitespace, strings, numbers, literals and the
// punctuation between members, with positions. json-scan.ts checks a whole text with it;
// json-locate.ts walks it to a pointer. It builds nothing but the strings it is asked for.

/** Thrown to stop at the first syntax error; the message is in the scanner's issues. */
export class SyntaxStop extends Error {}

/** One problem found, at a character offset. */
export interface ScanIssue {
  offset: number;
  message: string;
  /** Syntax errors stop the scan; key problems are collected and the scan goes on. */
  fatal: boolean;
}

/** A cursor over a JSON text. */
export class JsonCursor {
  pos = 0;
  readonly issues: ScanIssue[] = [];
  /** Called with each number's offset and source text (the scanner keeps what doubles round). */
  onNumber?: (offset: number, text: string) => void;

  constructor(readonly text: string) {}

  fail(message: string, offset = this.pos): never {
    this.issues.push({ offset, message, fatal: true });
    throw new SyntaxStop(message);
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

  /** Scans a scalar at the cursor; returns false when a `{` or `[` starts there instead. */
  scanScalar(): boolean {
    const c = this.text.charCodeAt(this.pos);
    if (c === 123 || c === 91) return false;
    if (c === 34 /* " */) this.skipString();
    else if (c === 45 || (c >= 48 && c <= 57)) this.scanNumber();
    else if (this.text.startsWith('true', this.pos)) this.pos += 4;
    else if (this.text.startsWith('false', this.pos)) this.pos += 5;
    else if (this.text.startsWith('null', this.pos)) this.pos += 4;
    else if (Number.isNaN(c)) this.fail('unexpected end of input: a value was expected');
    else
      this.fail(
        `unexpected character ${JSON.stringify(this.text.slice(this.pos, this.pos + 1))}: a value was expected`,
      );
    return true;
  }

  expectColon(): void {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== 58) this.fail(`expected ':' after a member name`);
    this.pos++;
    this.skipWhitespace();
  }

  /** After a member or element: true at the closing bracket, false after a comma. */
  afterMember(close: number, what: string): boolean {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    if (c === close) {
      this.pos++;
      return true;
    }
    if (c !== 44) this.fail(`expected ',' or '${String.fromCharCode(close)}' in ${what}`);
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === close) this.fail(`trailing comma in ${what}`);
    return false;
  }

  /** Opens an object or array at the cursor; true when it is empty (and already closed). */
  open(close: number): boolean {
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== close) return false;
    this.pos++;
    return true;
  }

  /** Scans a string and returns its decoded value. */
  scanString(): string {
    const start = this.pos;
    const escaped = this.skipString();
    const raw = this.text.slice(start, this.pos);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  /** Checks a string and moves past it, building nothing; true when it holds an escape. */
  skipString(): boolean {
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
    return escaped;
  }

  private scanNumber(): void {
    const match = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    const start = this.pos;
    match.lastIndex = start;
    if (!match.exec(this.text) || match.lastIndex === start) this.fail('malformed number');
    this.pos = match.lastIndex;
    this.onNumber?.(start, this.text.slice(start, this.pos));
  }
}
