// What a line buffer releases, and the byte-level helpers it needs: where a UTF-8 character is cut
// at the end of a chunk, and several releases joined into one.

/** Output ready to release: the redacted text and the same as UTF-8 bytes (in one or more parts). */
export interface ReleasedOutput {
  text: string;
  bytes: Buffer[];
}

/** Bytes at the end of `bytes` that begin a multi-byte character not yet complete (0–3). */
export function partialTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** One release from several (usually zero or one); undefined when all are empty. */
export function joinReleased(parts: ReleasedOutput[]): ReleasedOutput | undefined {
  const kept = parts.filter((p) => p.text !== '' || p.bytes.some((b) => b.length > 0));
  if (kept.length <= 1) return kept[0];
  return { text: kept.map((p) => p.text).join(''), bytes: kept.flatMap((p) => p.bytes) };
}
