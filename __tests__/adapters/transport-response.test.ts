// The GitHub transport's answer against fetch's own Headers and Response: what Octokit reads of
// them (header lookup and iteration, status, text, JSON, bytes) must come out the same.
import { describe, expect, it } from 'vitest';
import { AnswerHeaders, AnswerResponse } from '../../src/adapters/github/transport-response.js';

/** fetch's Headers built as the old transport built them, from node:http's rawHeaders. */
function fetchHeaders(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

const RAW_HEADERS: [string, string[]][] = [
  ['none', []],
  ['one', ['Content-Type', 'application/json; charset=utf-8']],
  ['a repeated field, joined', ['X-Many', 'one', 'x-many', 'two', 'X-MANY', 'three']],
  ['Set-Cookie, one entry each', ['Set-Cookie', 'a=1', 'Link', '<a>', 'set-cookie', 'b=2']],
  ['unsorted names, sorted', ['x-b', '2', 'X-A', '1', 'etag', '"e"', 'content-length', '10']],
  ['an empty value', ['x-empty', '', 'x-empty', 'v']],
];

describe('AnswerHeaders', () => {
  it.each(RAW_HEADERS)('iterates as fetch does: %s', (_name, raw) => {
    expect([...new AnswerHeaders(raw)]).toEqual([...fetchHeaders(raw)]);
  });

  it.each(RAW_HEADERS)('gets any case of a name as fetch does: %s', (_name, raw) => {
    const ours = new AnswerHeaders(raw);
    const theirs = fetchHeaders(raw);
    for (const name of [...raw.filter((_, i) => i % 2 === 0), 'absent', 'CONTENT-TYPE'])
      for (const spelling of [name, name.toUpperCase(), name.toLowerCase()])
        expect(ours.get(spelling), spelling).toBe(theirs.get(spelling));
  });
});

describe('AnswerResponse', () => {
  const BODIES: [string, Uint8Array<ArrayBuffer>][] = [
    ['JSON', new TextEncoder().encode('{"id":7,"text":"héllo"}')],
    ['a byte order mark', new Uint8Array([0xef, 0xbb, 0xbf, 0x61])],
    ['bytes that are not UTF-8', new Uint8Array([0x61, 0xff, 0xfe, 0x62, 0xc3])],
    ['nothing', new Uint8Array(0)],
  ];

  it.each(BODIES)('text() decodes %s as fetch does', async (_name, bytes) => {
    const ours = new AnswerResponse(200, 'OK', 'http://x/', new AnswerHeaders([]), bytes);
    expect(await ours.text()).toBe(await new Response(bytes).text());
  });

  it('json() parses, and rejects with a SyntaxError on what is not JSON', async () => {
    const answer = (text: string) =>
      new AnswerResponse(200, 'OK', 'u', new AnswerHeaders([]), new TextEncoder().encode(text));
    expect(await answer('{"a":[1,"é"]}').json()).toEqual({ a: [1, 'é'] });
    await expect(answer('<html>').json()).rejects.toBeInstanceOf(SyntaxError);
  });

  it('arrayBuffer() is a copy of the body alone, even of a Buffer that shares a pool', async () => {
    const pooled = Buffer.from('abc'); // small Buffers share one 8 KiB ArrayBuffer
    expect(pooled.buffer.byteLength).toBeGreaterThan(3);
    const bytes = await new AnswerResponse(
      200,
      'OK',
      'u',
      new AnswerHeaders([]),
      pooled,
    ).arrayBuffer();
    expect([...new Uint8Array(bytes)]).toEqual([...pooled]);
    new Uint8Array(bytes)[0] = 0x7a;
    expect(pooled.toString()).toBe('abc');
  });

  it('a status without a body has a null body, text "" and no bytes', async () => {
    const empty = new AnswerResponse(204, 'No Content', 'u', new AnswerHeaders([]), null);
    expect(empty.body).toBeNull();
    expect(await empty.text()).toBe('');
    expect((await empty.arrayBuffer()).byteLength).toBe(0);
  });
});
