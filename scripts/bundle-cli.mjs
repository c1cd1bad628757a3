// The `mtlint` command as one bundle (dist/cli/): Node reads and compiles one module graph of a few
// files instead of about 180 modules (our own and 70 of node_modules), which was half of the time a
// run over one article took. The library (`dist/src`) stays unbundled for importers.
//
// Files the engine finds next to its own module stay next to the bundle's: the word lists and the
// part-of-speech lexicon, the worker thread's entry (`worker.js`) and the format readers loaded on
// first use (`markdown.js`, `html.js`, `xliff.js`, `catalog.js`). Packages loaded lazily by name
// (`shared/lazy.ts`, `yaml`) are resolved from node_modules at run time.
import { chmodSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { jsoncDefaultPlugin } from './jsonc-plugin.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = join(root, 'dist', 'src');
const out = join(root, 'dist', 'cli');

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: {
    mtlint: join(compiled, 'cli.js'),
    worker: join(compiled, 'engine', 'worker.js'),
    markdown: join(compiled, 'formats', 'markdown.js'),
    html: join(compiled, 'formats', 'html.js'),
    xliff: join(compiled, 'formats', 'xliff.js'),
    catalog: join(compiled, 'formats', 'catalog.js'),
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ES builds where packages have them (jsonc-parser's through jsoncDefaultPlugin).
  mainFields: ['module', 'main'],
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
  plugins: [jsoncDefaultPlugin(root)],
  // CommonJS dependencies bundled into an ES module still call require for Node's built-ins.
  banner: {
    js: "import { createRequire as __mtlintRequire } from 'node:module'; const require = __mtlintRequire(import.meta.url);",
  },
});
cpSync(join(compiled, 'text', 'lexicon'), join(out, 'lexicon'), { recursive: true });
cpSync(join(compiled, 'text', 'pos-lexicon.txt'), join(out, 'pos-lexicon.txt'));
chmodSync(join(out, 'mtlint.js'), 0o755);
