// The answer nodeFetch hands to Octokit: the part of fetch's Response that Octokit reads
// (@octokit/request's fetch-wrapper: status, statusText, url, iterating and getting headers,
// text/arrayBuffer, and body only when told not to parse it), over bytes already received.
// Not a `Response`: constructing one, or a `Headers`, loads Node's bundled undici, about 50 ms of
// CPU per Action process on a 2-core runner, for a transport that otherwise never touches it.

/** What the GitHub client reads of an answer; a fetch `Response` has all of it too. */
export interface TransportResponse {
  readonly status: number;
  readonly statusText: string;
  /** The URL that answered (after redirects). */
  readonly url: string;
  readonly headers: TransportHeaders;
  /** Null for a status that has no body (204, 304, …), as fetch's. */
  readonly body: unknown;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Header lookup and iteration as fetch's `Headers` offers them. */
export interface TransportHeaders extends Iterable<[string, string]> {
  get(name: string): string | null;
}

/**
 * Headers as fetch's `Headers` shows them (WHATWG Fetch §5.2, "sort and combine"): names
 * lower-cased, repeated fields joined with ", " except Set-Cookie (one entry each), iterated
 * sorted by name. `raw` is node:http's `rawHeaders`: name, value, name, value, …
 */
export class AnswerHeaders implements TransportHeaders {
  private readonly fields = new Map<string, string[]>();

  constructor(raw: readonly string[]) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i]!.toLowerCase();
      const values = this.fields.get(name);
      if (values) values.push(raw[i + 1]!);
      else this.fields.set(name, [raw[i + 1]!]);
    }
  }

  get(name: string): string | null {
    return this.fields.get(name.toLowerCase())?.join(', ') ?? null;
  }

  *[Symbol.iterator](): IterableIterator<[string, string]> {
    for (const name of [...this.fields.keys()].sort()) {
      const values = this.fields.get(name)!;
      if (name === 'set-cookie') for (const value of values) yield [name, value];
      else yield [name, values.join(', ')];
    }
  }
}

/** An answer whose whole body has arrived. `body` is null for a status that has none. */
export class AnswerResponse implements TransportResponse {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    readonly headers: AnswerHeaders,
    readonly body: Uint8Array | null,
  ) {}

  /** The body decoded as UTF-8 (a BOM dropped, bad bytes replaced), as fetch's text(). */
  text(): Promise<string> {
    return Promise.resolve(new TextDecoder().decode(this.body ?? new Uint8Array(0)));
  }

  /** The body parsed as JSON; rejects with a SyntaxError when it is not JSON. */
  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  /** A copy of the body's bytes (never the pool a Buffer body may share). */
  arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.body ?? new Uint8Array(0);
    return Promise.resolve(Uint8Array.prototype.slice.call(bytes).buffer);
  }
}
