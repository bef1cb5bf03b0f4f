// The one bundling recipe, used by `npm run build` and by the test that fails when dist/ is stale.
// esbuild: 0.3 s vs ~12 s for rollup on this machine (TOOLCHAIN.md). Everything in dist/ is
// CommonJS (dist/package.json says so for the .js entries): Node 20 starts a CommonJS entry
// sooner than an ES module one (bench/perf.mjs's start-up row without the CA bundle, interleaved
// runs of both builds, each with a cache from a judged run: 236 → 222 ms median). Each entry is
// one small file (the code cache loader and git prefetch, ~13 kB, in both): no chunks to load.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
// The entries' sources are ES modules that find their bundle with import.meta.url; as CommonJS
// that is the file's own URL. The directive comes first, or it would not apply (esbuild writes
// its own after the banner).
const entryBanner =
  "'use strict'; var import_meta_url = require('node:url').pathToFileURL(__filename).href;";

/** The entries: action (dist/index.js) and CLI (dist/cli.js, with a shebang). */
export const ENTRIES = [
  { entry: 'src/action/index.ts', outfile: 'dist/index.js', shebang: false },
  { entry: 'src/cli/index.ts', outfile: 'dist/cli.js', shebang: true },
];

/**
 * What the entries run: the CLI's main and the Action's run, each one CommonJS file that its entry
 * runs through V8's code cache (src/adapters/code-cache.ts). No chunks: what a run does not need
 * (the GitHub client without a token, …) is still only initialised when a dynamic import() asks
 * for it (esbuild's lazy module wrappers), and a cached run does not compile it at all.
 */
export const CJS_MAINS = [
  { entry: 'src/cli/main.ts', outfile: 'dist/cli-main.cjs' },
  { entry: 'src/action/run.ts', outfile: 'dist/action-main.cjs' },
];

/**
 * Two things markdown-it loads that the gate's reading never or seldom uses, kept out of start-up:
 * - It builds a linkify-it matcher in its constructor (compiling large Unicode regexes) though the
 *   CommonMark preset never links bare URLs: the bundle gets a matcher that finds nothing.
 * - It imports `decodeHTML`/`decodeHTMLStrict` from the `entities` package root, whose encoder
 *   tables come along and whose decoder builds its entity table (2–3 ms) at load. It gets the
 *   package's public `entities/lib/decode.js` functions instead, loaded on the first entity
 *   (`&amp;`) a document holds: most never hold one.
 */
const trimmedMarkdownIt = {
  name: 'markdown-it-trimmed',
  setup(build) {
    build.onResolve({ filter: /^entities$/ }, ({ importer }) =>
      importer.includes('/node_modules/markdown-it/')
        ? { path: 'entities-on-first-use', namespace: 'markdown-it-trimmed' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'markdown-it-trimmed' }, () => ({
      contents: [
        'let decoder;',
        "const load = () => (decoder ??= require('entities/lib/decode.js'));",
        'export const decodeHTML = (text) => load().decodeHTML(text);',
        'export const decodeHTMLStrict = (text) => load().decodeHTMLStrict(text);',
      ].join('\n'),
      loader: 'js',
      resolveDir: `${root}node_modules/markdown-it`,
    }));
    stubModule(
      build,
      'linkify-it',
      'export default class LinkifyIt { pretest() { return false; } test() { return false; } match() { return null; } matchAtStart() { return null; } }',
    );
  },
};

/**
 * Makes `build` (an esbuild plugin build) bundle `contents` wherever `name` (a bare package name)
 * is imported, instead of the package. Used here and by the benchmarks' variant builds.
 */
export function stubModule(build, name, contents) {
  const namespace = `stub-${name}`;
  const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}$`);
  build.onResolve({ filter: exact }, () => ({ path: name, namespace }));
  build.onLoad({ filter: /.*/, namespace }, () => ({ contents, loader: 'js' }));
}

/**
 * @actions/core imports its OIDC client (the whole HTTP client stack: @actions/http-client,
 * undici, tunnel) and its platform probe (@actions/exec) at the top of its entry, though the gate
 * calls neither. Both modules only declare things when loaded, so they are marked free of side
 * effects: esbuild then leaves them out of the Action's start-up chunk when nothing uses them
 * (the GitHub client chunk still bundles the HTTP stack it does use).
 */
const unusedCoreParts = {
  name: 'unused-core-parts',
  setup(build) {
    build.onResolve({ filter: /^\.\/(oidc-utils|platform)\.js$/ }, async (args) => {
      if (!/[\\/]@actions[\\/]core[\\/]/.test(args.importer) || args.pluginData?.inner) return;
      const { path, errors } = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { inner: true },
      });
      return errors.length > 0 ? { errors } : { path, sideEffects: false };
    });
  },
};

/**
 * The code-cached bundles as ASCII: V8 then holds their source (kept for lazy compiling) as one
 * byte a character, not two (1.6 MB less for the CLI), and the loader reads it as Latin-1 without
 * decoding. esbuild escapes strings and templates already; what it leaves (characters in regular
 * expression literals and comments) becomes `\uXXXX`, which means the same there. Throws on what
 * that would change: a character escaped by a backslash, or one outside the BMP.
 */
function asciiOnly(text, path) {
  // eslint-disable-next-line no-control-regex -- every character outside ASCII, that is the point
  return text.replace(/[^\x00-\x7f]/g, (char, offset) => {
    const backslashes = /\\*$/.exec(text.slice(Math.max(0, offset - 16), offset))[0].length;
    const code = char.charCodeAt(0);
    if (backslashes % 2 === 1 || (code >= 0xd800 && code <= 0xdfff))
      throw new Error(`${path}: cannot write U+${code.toString(16)} at ${offset} as an escape`);
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Says that dist/'s .js files (the entries) are CommonJS, whatever the root package.json says. */
const DIST_PACKAGE = { path: 'dist/package.json', text: '{ "type": "commonjs" }\n' };

/**
 * Bundles the entries and mains; returns { path: text } for every file dist/ holds (paths relative
 * to the root). Writes them only when asked (write: true). `plugins`
 * (esbuild plugins) exist for benchmarks that build a variant; the product build passes none.
 */
export async function bundle({ write, plugins = [] }) {
  const common = {
    absWorkingDir: root,
    outdir: 'dist',
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
    define: { __VERSION__: JSON.stringify(version) },
    plugins: [trimmedMarkdownIt, unusedCoreParts, ...plugins],
  };
  // esbuild names an entry's output by its key: `dist/cli.js` → `cli`, `dist/cli-main.cjs` → `cli-main`.
  const entryPoints = (list) =>
    Object.fromEntries(
      list.map(({ entry, outfile }) => [
        outfile.replace(/^dist\//, '').replace(/\.c?js$/, ''),
        entry,
      ]),
    );
  const [modules, mains] = await Promise.all([
    build({
      ...common,
      entryPoints: entryPoints(ENTRIES),
      format: 'cjs',
      define: { ...common.define, 'import.meta.url': 'import_meta_url' },
      banner: { js: entryBanner },
    }),
    build({
      ...common,
      entryPoints: entryPoints(CJS_MAINS),
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
    }),
  ]);
  const files = { [DIST_PACKAGE.path]: DIST_PACKAGE.text };
  for (const file of [...modules.outputFiles, ...mains.outputFiles]) {
    const path = file.path.slice(root.length).replace(/^\/+/, '');
    const shebang = ENTRIES.find((e) => e.outfile === path)?.shebang;
    const text = CJS_MAINS.some((m) => m.outfile === path) ? asciiOnly(file.text, path) : file.text;
    files[path] = shebang ? `#!/usr/bin/env node\n${text}` : text;
  }
  if (write) {
    const { mkdirSync, rmSync, writeFileSync } = await import('node:fs');
    // dist/ holds these files and nothing else: a file left from an earlier build is removed.
    rmSync(`${root}dist`, { recursive: true, force: true });
    mkdirSync(`${root}dist`);
    for (const [path, text] of Object.entries(files)) writeFileSync(`${root}${path}`, text);
  }
  return files;
}
