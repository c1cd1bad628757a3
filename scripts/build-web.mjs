// `npm run build:web`: the static page in `dist-web/` (open `dist-web/index.html` from disk or host the folder).
//
// Every script is a classic script, and the worker and the lazy chunks are
// shipped as strings the page hands over: Chromium refuses module scripts,
// workers and fetch on file:// pages, but not classic <script src>.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { jsoncDefaultPlugin } from './jsonc-plugin.mjs';
import { wordListsPlugin } from './word-lists-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, process.argv[2] ?? 'dist-web');
const web = join(root, 'web');
const require = createRequire(import.meta.url);

/** The engine's Node-only imports, and the one engine module the browser replaces (lazy loading). */
const shims = {
  name: 'mtlint-browser-shims',
  setup(builder) {
    const aliases = {
      'node:fs': join(web, 'shims/node-fs.ts'),
      'node:module': join(web, 'shims/node-module.ts'),
      'node:url': join(web, 'shims/node-url.ts'),
      'node:path': require.resolve('path-browserify'),
    };
    builder.onResolve({ filter: /^node:/ }, (args) => {
      const path = aliases[args.path];
      if (!path) return { errors: [{ text: `${args.path} has no browser shim (imported by ${args.importer})` }] };
      return { path };
    });
    builder.onResolve({ filter: /\/shared\/lazy\.js$/ }, () => ({ path: join(web, 'shims/lazy.ts') }));
  },
};

const common = {
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  // decode-named-character-reference's `browser` build needs a DOM, which a worker lacks.
  conditions: ['worker'],
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: true,
  legalComments: 'none',
  plugins: [shims, jsoncDefaultPlugin(root), wordListsPlugin(root)],
  inject: [join(web, 'shims/process.ts')],
  define: { 'import.meta.url': '"file:///mtlint/src/module.js"' },
  logLevel: 'warning',
};

async function bundle(entry) {
  const result = await build({ ...common, entryPoints: [join(web, entry)] });
  return result.outputFiles[0].text;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'chunks'), { recursive: true });
const files = {};
const emit = (name, text) => {
  writeFileSync(join(out, name), text);
  files[name] = text;
};

emit('app.js', await bundle('app.ts'));
emit('worker-source.js', `self.mtlintWorkerSource=${JSON.stringify(await bundle('worker.ts'))};\n`);
for (const entry of readdirSync(join(web, 'chunks'))) {
  const name = entry.replace(/\.ts$/, '');
  const code = await bundle(`chunks/${entry}`);
  emit(`chunks/${name}.js`, `(self.mtlintChunks??={})[${JSON.stringify(name)}]=${JSON.stringify(code)};\n`);
}
for (const name of ['index.html', 'style.css']) cpSync(join(web, name), join(out, name));
files['index.html'] = readFileSync(join(out, 'index.html'), 'utf8');
files['style.css'] = readFileSync(join(out, 'style.css'), 'utf8');

const sizes = Object.entries(files).map(([name, text]) => ({
  file: name,
  bytes: Buffer.byteLength(text),
  gzip: gzipSync(text).length,
  lazy: name.startsWith('chunks/'),
}));
writeFileSync(join(out, 'sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (list, key) => list.reduce((total, entry) => total + entry[key], 0);
const eager = sizes.filter((entry) => !entry.lazy);
for (const entry of sizes)
  console.log(`${entry.file.padEnd(24)} ${kb(entry.bytes).padStart(10)} ${kb(entry.gzip).padStart(10)} gzip`);
console.log(
  `loaded up front: ${kb(sum(eager, 'bytes'))} (${kb(sum(eager, 'gzip'))} gzip); lazy chunks: ${kb(sum(sizes, 'bytes') - sum(eager, 'bytes'))}`,
);
console.log(`built ${out}`);
