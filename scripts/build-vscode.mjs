// `npm run build:vscode`: the VS Code extension with its own bundled language server, packaged as
// `dist-vscode/mtlint-<version>.vsix` (install it with `code --install-extension <file>`).
// `node scripts/build-vscode.mjs STAGE_DIR` builds in STAGE_DIR instead (the extension's files copied there,
// the .vsix as STAGE_DIR/mtlint-<version>.vsix), so two tests can build at once without deleting each other's.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { jsoncDefaultPlugin } from './jsonc-plugin.mjs';
import { wordListsPlugin } from './word-lists-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'editors', 'vscode');
const stage = process.argv[2] ? resolve(process.argv[2]) : undefined;
const extension = stage ?? source;
const dist = join(extension, 'dist');
if (stage) {
  mkdirSync(stage, { recursive: true });
  for (const file of ['package.json', 'README.md', '.vscodeignore']) cpSync(join(source, file), join(stage, file));
}
const require = createRequire(import.meta.url);
const shims = join(root, 'web', 'shims');

/** The engine's lazy loading goes through a registry the server fills up front (no node_modules in a .vsix). */
const serverShims = {
  name: 'mtlint-server-shims',
  setup(builder) {
    const fromEngine = (args) => args.importer.startsWith(join(root, 'src') + sep);
    builder.onResolve({ filter: /^node:module$/ }, (args) =>
      fromEngine(args) ? { path: join(shims, 'node-module.ts') } : undefined,
    );
    builder.onResolve({ filter: /\/shared\/lazy\.js$/ }, () => ({ path: join(shims, 'lazy.ts') }));
  },
};

rmSync(dist, { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: [join(source, 'src', 'extension.ts')],
  outfile: join(dist, 'extension.js'),
  format: 'cjs',
  external: ['vscode'],
});
await build({
  ...common,
  entryPoints: { server: join(source, 'src', 'server.ts'), worker: join(source, 'src', 'worker.ts') },
  outdir: join(dist, 'server'),
  format: 'esm',
  // The server and its worker share the engine: one copy in a chunk next to them.
  splitting: true,
  chunkNames: 'engine-[hash]',
  mainFields: ['module', 'main'],
  plugins: [serverShims, jsoncDefaultPlugin(root), wordListsPlugin(root)],
  // CommonJS dependencies bundled into an ES module still call require for Node's built-ins.
  banner: {
    js: "import { createRequire as __mtlintRequire } from 'node:module'; const require = __mtlintRequire(import.meta.url);",
  },
});
writeFileSync(join(dist, 'server', 'package.json'), '{ "type": "module" }\n');
copyFileSync(join(root, 'LICENSE'), join(extension, 'LICENSE'));

const { version } = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
const out = join(stage ?? join(root, 'dist-vscode'), `mtlint-${version}.vsix`);
mkdirSync(dirname(out), { recursive: true });
const vsce = spawnSync(
  process.execPath,
  [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '--out', out],
  { cwd: extension, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
);
if (vsce.status !== 0) {
  process.stderr.write(`vsce package failed:\n${vsce.stdout}${vsce.stderr}`);
  process.exit(1);
}
const kb = (path) => `${(statSync(path).size / 1024).toFixed(1)} KB`;
const serverFiles = readdirSync(join(dist, 'server')).filter((name) => name.endsWith('.js'));
const sizes = serverFiles.map((name) => `${name} ${kb(join(dist, 'server', name))}`);
console.log(`extension.js ${kb(join(dist, 'extension.js'))}; server/: ${sizes.join(', ')}`);
console.log(`packaged ${out} (${kb(out)})`);
