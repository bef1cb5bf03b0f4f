// Keeps only the last N characters of a stream, so memory stays flat whatever a command prints.

/** A bounded tail buffer. */
export class OutputTail {
  private chunks: string[] = [];
  private length = 0;
  /** Every character ever pushed, kept or not. */
  total = 0;

  constructor(private readonly limit: number) {}

  push(chunk: string): void {
    this.total += chunk.length;
    this.chunks.push(chunk);
    this.length += chunk.length;
    // Compact only when well past the limit, so pushes stay O(1) amortized.
    if (this.length > this.limit * 2) this.compact();
  }

  private compact(): void {
    const text = this.chunks.join('').slice(-this.limit);
    this.chunks = [text];
    this.length = text.length;
  }

  /** The kept tail, starting at a line boundary when one is near. */
  text(): string {
    this.compact();
    const text = this.chunks[0] ?? '';
    if (this.total <= this.limit) return text;
    const newline = text.indexOf('\n');
    return newline !== -1 && newline < 200 ? text.slice(newline + 1) : text;
  }
}
