// Splits a stream into complete lines, so redaction never sees half a secret. A line longer than
// the cap is released anyway, so memory stays bounded whatever a command prints.

/** Buffers partial lines of one stream. */
export class LineBuffer {
  private pending = '';

  constructor(private readonly maxPending = 64 * 1024) {}

  /** Adds a chunk; returns the complete lines now available (with their newlines), maybe ''. */
  push(chunk: string): string {
    const text = this.pending + chunk;
    const cut = text.lastIndexOf('\n') + 1;
    if (cut === 0 && text.length <= this.maxPending) {
      this.pending = text;
      return '';
    }
    const end = cut === 0 ? text.length : cut;
    this.pending = text.slice(end);
    return text.slice(0, end);
  }

  /** Whatever is left at the end of the stream. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }
}
