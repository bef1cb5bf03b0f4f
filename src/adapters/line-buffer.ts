// Turns one output stream's bytes into redacted output, a completed line at a time, so redaction
// never sees half a secret. Bytes are held as the Buffers the pipe gave (no string per chunk); a
// batch of completed lines is decoded once, redacted, and when nothing was masked its original
// bytes are kept for the log. A line longer than the cap is released in pieces to keep memory
// bounded; each cut keeps an overlap and is moved before any secret that would straddle it. A
// private key printed line by line (BEGIN … END) is masked as a whole, and to the end of the
// stream if it never ends.

import { isAscii } from 'node:buffer';
import { MASK, type Redactor } from '../core/redact.js';
import { joinReleased, partialTail, type ReleasedOutput } from './released-output.js';

export type { ReleasedOutput } from './released-output.js';

const KEY_HEADER = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const KEY_FOOTER = /-----END [A-Z0-9 ]*PRIVATE KEY-----/;
const KEY_MARKERS = new RegExp(`${KEY_HEADER.source}|${KEY_FOOTER.source}`, 'g');
const NEWLINE = 0x0a;

/** Buffers partial lines of one stream and redacts what it releases. */
export class RedactingLineBuffer {
  private pending: Buffer[] = [];
  private held = 0;
  private inKey = false;
  /** Bytes decoded to text so far (the work done per byte of output stays bounded). */
  decoded = 0;

  /** Bytes held back now (a partial line or a long line's overlap). */
  get heldBytes(): number {
    return this.held;
  }

  /**
   * @param redact masks secrets; its `spans` (when present) keep a cut from splitting one
   * @param maxLine bytes held without a newline before a piece is released
   * @param overlap characters always held back at a cut (longer than any secret to catch)
   */
  constructor(
    private readonly redact: Redactor,
    private readonly maxLine = 64 * 1024,
    private readonly overlap = 16 * 1024,
  ) {}

  /** Adds a chunk; returns the redacted output now releasable, or undefined. */
  push(chunk: Buffer): ReleasedOutput | undefined {
    const out: ReleasedOutput[] = [];
    const end = chunk.lastIndexOf(NEWLINE) + 1;
    if (end > 0) {
      // A newline never occurs inside a multi-byte character: these are whole characters.
      const lines = this.take(chunk.subarray(0, end));
      this.decoded += lines.length;
      out.push(this.release(lines, lines.toString('utf8')));
      chunk = chunk.subarray(end);
    }
    if (chunk.length > 0) {
      this.pending.push(chunk);
      this.held += chunk.length;
    }
    while (this.held > this.maxLine) out.push(this.releasePiece());
    return joinReleased(out);
  }

  /** Whatever is left at the end of the stream, redacted. */
  flush(): ReleasedOutput | undefined {
    if (this.held === 0) return undefined;
    const rest = this.take();
    this.decoded += rest.length;
    return joinReleased([this.release(rest, rest.toString('utf8'))]);
  }

  /** Everything held (plus `more`) as one Buffer; empties the holding list. */
  private take(more?: Buffer): Buffer {
    const parts = more ? [...this.pending, more] : this.pending;
    const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    this.pending = [];
    this.held = 0;
    return all;
  }

  /** Redacts decoded text; keeps the original bytes when nothing changed. */
  private release(bytes: Buffer, text: string): ReleasedOutput {
    const clean = this.redactLines(text);
    return { text: clean, bytes: [clean === text ? bytes : Buffer.from(clean)] };
  }

  /** Releases the head of an over-long line, cutting where no secret straddles. */
  private releasePiece(): ReleasedOutput {
    const plain = this.releasePlainPiece();
    if (plain) return plain;
    const all = this.take();
    // Hold back an unfinished multi-byte character at the end; it is decoded with what follows.
    const whole = all.length - partialTail(all);
    const text = all.toString('utf8', 0, whole);
    this.decoded += whole;
    let cut = text.length - this.overlap;
    // Where every character is one byte (ASCII, or single invalid bytes), character and byte
    // offsets agree: the bytes are cut as they are, nothing is re-encoded.
    const sameOffsets = text.length === whole;
    if (
      cut > 0 &&
      sameOffsets &&
      !this.inKey &&
      !mayHoldKey(text) &&
      this.redact.finds?.(text) === false
    ) {
      // Nothing to mask and no key block: release the head as the bytes it is, keep the rest.
      this.hold(all.subarray(cut));
      return { text: text.slice(0, cut), bytes: [all.subarray(0, cut)] };
    }
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
      this.hold(
        sameOffsets ? all.subarray(end) : [Buffer.from(text.slice(end)), all.subarray(whole)],
      );
      const masked = this.inKey ? '' : MASK;
      return { text: masked, bytes: [Buffer.from(masked)] };
    }
    this.hold(
      sameOffsets ? all.subarray(cut) : [Buffer.from(text.slice(cut)), all.subarray(whole)],
    );
    const piece = text.slice(0, cut);
    return sameOffsets
      ? this.release(all.subarray(0, cut), piece)
      : this.release(Buffer.from(piece), piece);
  }

  /**
   * The common case, without copying: the held bytes are ASCII, hold nothing to mask and no key
   * block. The head is released as the Buffers the pipe gave; undefined when this does not apply.
   */
  private releasePlainPiece(): ReleasedOutput | undefined {
    const cut = this.held - this.overlap;
    if (cut <= 0 || this.inKey || !this.redact.finds || !this.pending.every((p) => isAscii(p)))
      return undefined;
    const text =
      this.pending.length === 1
        ? this.pending[0]!.toString('latin1')
        : this.pending.map((p) => p.toString('latin1')).join('');
    this.decoded += this.held;
    if (mayHoldKey(text) || this.redact.finds(text)) return undefined;
    const bytes: Buffer[] = [];
    const kept: Buffer[] = [];
    let at = 0;
    for (const part of this.pending) {
      if (at + part.length <= cut) bytes.push(part);
      else if (at >= cut) kept.push(part);
      else {
        bytes.push(part.subarray(0, cut - at));
        kept.push(part.subarray(cut - at));
      }
      at += part.length;
    }
    this.pending = kept;
    this.held -= cut;
    return { text: text.slice(0, cut), bytes };
  }

  /** Keeps bytes for the next piece (an empty part is not kept). */
  private hold(parts: Buffer | Buffer[]): void {
    for (const part of Array.isArray(parts) ? parts : [parts]) {
      if (part.length === 0) continue;
      this.pending.push(part);
      this.held += part.length;
    }
  }

  /** Redacts whole lines (the last may be a piece of a line), tracking private-key blocks. */
  private redactLines(text: string): string {
    if (!this.inKey && !(mayHoldKey(text) && KEY_HEADER.test(text))) return this.redact(text);
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

/** A cheap first look (one indexOf) before the key-marker regexes scan the text. */
function mayHoldKey(text: string): boolean {
  return text.includes('-----');
}
