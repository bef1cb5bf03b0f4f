// Keeps only the last N bytes of a stream as a ring of the Buffers it was given (no copying, no
// joining per chunk), so memory stays flat whatever a command prints.

/** A bounded tail buffer over bytes. */
export class OutputTail {
  private ring: Buffer[] = [];
  /** Index of the oldest chunk still held (chunks before it are dropped). */
  private head = 0;
  private held = 0;
  /** Every byte ever pushed, kept or not. */
  total = 0;

  /** @param limit bytes kept (the text may be a few bytes shorter: it starts on a whole character) */
  constructor(private readonly limit: number) {}

  /** Bytes the ring holds now (at most the limit plus one pushed chunk). */
  get heldBytes(): number {
    return this.held;
  }

  push(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.total += bytes.length;
    this.ring.push(bytes);
    this.held += bytes.length;
    // Drop whole chunks that lie entirely before the last `limit` bytes.
    while (this.held - this.ring[this.head]!.length >= this.limit) {
      this.held -= this.ring[this.head]!.length;
      this.ring[this.head++] = EMPTY;
    }
    // Compact the array now and then, so it does not grow with the number of pushes.
    if (this.head > 1024 && this.head * 2 > this.ring.length) {
      this.ring = this.ring.slice(this.head);
      this.head = 0;
    }
  }

  /** The kept tail as UTF-8 text, starting at a line boundary when one is near. */
  text(): string {
    const all = Buffer.concat(this.ring.slice(this.head));
    let start = Math.max(0, all.length - this.limit);
    // Never start inside a multi-byte character (continuation bytes are 10xxxxxx; at most 3).
    for (let i = 0; i < 3 && start > 0 && (all[start]! & 0xc0) === 0x80; i++) start++;
    const text = all.toString('utf8', start);
    if (this.total <= this.limit) return text;
    const newline = text.indexOf('\n');
    return newline !== -1 && newline < 200 ? text.slice(newline + 1) : text;
  }
}

const EMPTY = Buffer.alloc(0);
