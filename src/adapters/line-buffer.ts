// Turns one output stream into redacted text, a completed line at a time, so redaction never sees
// half a secret. A line longer than the cap is released in pieces to keep memory bounded; each cut
// keeps an overlap and is moved before any secret that would straddle it. A private key printed
// line by line (BEGIN … END) is masked as a whole, and to the end of the stream if it never ends.

import { MASK, type Redactor } from '../core/redact.js';

const KEY_HEADER = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const KEY_FOOTER = /-----END [A-Z0-9 ]*PRIVATE KEY-----/;
const KEY_MARKERS = new RegExp(`${KEY_HEADER.source}|${KEY_FOOTER.source}`, 'g');

/** Buffers partial lines of one stream and redacts what it releases. */
export class RedactingLineBuffer {
  private pending = '';
  private inKey = false;

  /**
   * @param redact masks secrets; its `spans` (when present) keep a cut from splitting one
   * @param maxLine characters held without a newline before a piece is released
   * @param overlap characters always held back at a cut (longer than any secret to catch)
   */
  constructor(
    private readonly redact: Redactor,
    private readonly maxLine = 64 * 1024,
    private readonly overlap = 16 * 1024,
  ) {}

  /** Adds a chunk; returns the redacted text now releasable (maybe ''). */
  push(chunk: string): string {
    this.pending += chunk;
    let out = '';
    const end = this.pending.lastIndexOf('\n') + 1;
    if (end > 0) {
      out += this.redactLines(this.pending.slice(0, end));
      this.pending = this.pending.slice(end);
    }
    while (this.pending.length > this.maxLine) out += this.releasePiece();
    return out;
  }

  /** Whatever is left at the end of the stream, redacted. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? '' : this.redactLines(rest);
  }

  /** Releases the head of an over-long line, cutting where no secret straddles. */
  private releasePiece(): string {
    const text = this.pending;
    let cut = text.length - this.overlap;
    const spans = [...(this.redact.spans?.(text) ?? [])];
    for (const match of text.matchAll(KEY_MARKERS))
      spans.push([match.index, match.index + match[0].length]);
    for (let moved = true; moved && cut > 0;) {
      moved = false;
      for (const [start, end] of spans) {
        if (start < cut && cut < end) {
          cut = start;
          moved = true;
        }
      }
    }
    if (cut <= 0) {
      // One secret fills the whole window: mask it and drop what is held of it.
      const end = Math.max(...spans.filter(([start]) => start <= 0).map(([, e]) => e));
      this.pending = text.slice(end);
      return this.inKey ? '' : MASK;
    }
    this.pending = text.slice(cut);
    return this.redactLines(text.slice(0, cut));
  }

  /** Redacts whole lines (the last may be a piece of a line), tracking private-key blocks. */
  private redactLines(text: string): string {
    if (!this.inKey && !KEY_HEADER.test(text)) return this.redact(text);
    return text
      .split(/(?<=\n)/)
      .map((line) => this.redactLine(line))
      .join('');
  }

  private redactLine(line: string): string {
    let rest = line;
    let out = '';
    for (;;) {
      if (this.inKey) {
        const footer = KEY_FOOTER.exec(rest);
        if (!footer) return out;
        rest = rest.slice(footer.index + footer[0].length);
        this.inKey = false;
        if (rest === '\n' && out === '') return '';
      }
      const header = KEY_HEADER.exec(rest);
      if (!header) return out + this.redact(rest);
      out += `${this.redact(rest.slice(0, header.index))}${MASK}`;
      rest = rest.slice(header.index);
      this.inKey = true;
      if (!KEY_FOOTER.test(rest) && rest.endsWith('\n')) out += '\n';
    }
  }
}
