// The output path's work and memory per byte do not grow with the amount of output (not timed:
// counts bytes decoded, bytes held and redaction calls for outputs of different sizes).
import { describe, expect, it } from 'vitest';
import { RedactingLineBuffer } from '../../src/adapters/line-buffer.js';
import { OutputTail } from '../../src/adapters/output-tail.js';
import { createRedactor, type Redactor } from '../../src/core/redact.js';

const CHUNK = 64 * 1024;

/** A redactor that counts its calls (full redactions and span searches). */
function counting(secrets: string[]) {
  const inner = createRedactor(secrets);
  const calls = { redact: 0, spans: 0 };
  const redact: Redactor = (text) => {
    calls.redact++;
    return inner(text);
  };
  redact.spans = (text) => {
    calls.spans++;
    return inner.spans!(text);
  };
  redact.finds = inner.finds;
  return { redact, calls };
}

/** Feeds `chunks` pipe-sized chunks; returns the work done and the most bytes ever held. */
function feed(chunks: number, make: (i: number) => Buffer, secrets: string[] = ['s3cr3t-value']) {
  const { redact, calls } = counting(secrets);
  const buffer = new RedactingLineBuffer(redact);
  let maxHeld = 0;
  let out = '';
  let released = 0;
  for (let i = 0; i < chunks; i++) {
    const release = buffer.push(make(i));
    maxHeld = Math.max(maxHeld, buffer.heldBytes);
    if (release) {
      released += release.bytes.reduce((n, b) => n + b.length, 0);
      if (release.text.includes('s3cr3t')) out += release.text;
    }
  }
  const last = buffer.flush();
  released += last?.bytes.reduce((n, b) => n + b.length, 0) ?? 0;
  return { decoded: buffer.decoded, maxHeld, calls, leaked: out, released, input: chunks * CHUNK };
}

describe('output path work is bounded per byte', () => {
  it('one endless line: each byte is decoded about once, the hold stays under two chunks, no span search', () => {
    const zeros = Buffer.alloc(CHUNK);
    const small = feed(16, () => zeros);
    const large = feed(128, () => zeros);
    for (const run of [small, large]) {
      expect(run.released).toBe(run.input);
      expect(run.decoded / run.input).toBeLessThan(1.3);
      expect(run.maxHeld).toBeLessThanOrEqual(2 * CHUNK);
      // Nothing to mask: the per-pattern scans never run.
      expect(run.calls.spans).toBe(0);
    }
    // 8x the output: the same work per byte, the same memory.
    expect(large.decoded / large.input).toBeCloseTo(small.decoded / small.input, 1);
    expect(large.maxHeld).toBe(small.maxHeld);
  });

  it('a secret inside an endless line is still masked, and masking stays linear', () => {
    const withSecret = (i: number) => {
      const chunk = Buffer.alloc(CHUNK, 'x');
      if (i % 4 === 1) chunk.write(' s3cr3t-value ', 30_000);
      return chunk;
    };
    const small = feed(16, withSecret);
    const large = feed(128, withSecret);
    expect(small.leaked).toBe('');
    expect(large.leaked).toBe('');
    expect(large.maxHeld).toBeLessThanOrEqual(2 * CHUNK);
    // Span searches happen only for windows that hold something to mask: proportional to output.
    expect(large.calls.spans / 128).toBeCloseTo(small.calls.spans / 16, 1);
  });

  it('many short lines: bytes decoded equal bytes read, nothing held between chunks', () => {
    const lines = Buffer.from('ok line\n'.repeat(CHUNK / 8));
    const small = feed(16, () => lines);
    const large = feed(128, () => lines);
    for (const run of [small, large]) {
      expect(run.decoded).toBe(run.input);
      expect(run.maxHeld).toBe(0);
      expect(run.released).toBe(run.input);
    }
  });

  it('the tail ring holds at most its limit plus one chunk, however much passes through', () => {
    for (const pushes of [10, 1000]) {
      const tail = new OutputTail(16 * 1024);
      let maxHeld = 0;
      for (let i = 0; i < pushes; i++) {
        tail.push(Buffer.alloc(4096, 'y'));
        maxHeld = Math.max(maxHeld, tail.heldBytes);
      }
      expect(maxHeld).toBeLessThanOrEqual(16 * 1024 + 4096);
      expect(tail.total).toBe(pushes * 4096);
    }
  });
});

describe('the one-scan check before redaction', () => {
  const redact = createRedactor(['s3cr3t-value', 'multi\nline-secret']);
  const samples = [
    'plain output, nothing to see\n',
    'token ghp_0123456789abcdefghijABCDEFGHIJ0123456789 here',
    'github_pat_0123456789abcdefghijAB_0123456789',
    'key AKIAABCDEFGHIJKLMNOP end',
    'xoxb-0123456789-abcdef',
    'glpat-0123456789abcdefghij',
    '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----',
    '-----BEGIN CERTIFICATE----- is not a key',
    'the value s3cr3t-value leaked',
    'line-secret on its own',
    'ghp_tooShort and AKIA lowercase akiaabcdefghijklmnop',
  ];
  it('says "something to mask" exactly when redaction changes the text', () => {
    for (const text of samples) expect(redact.finds!(text)).toBe(redact(text) !== text);
    expect(samples.filter((t) => redact.finds!(t)).length).toBe(8);
  });
});
