// esbuild plugin: `import jsonc from 'jsonc-parser'` (the default Node gives a CommonJS module) from the
// package's ES build, through web/shims/jsonc-parser.ts: its CommonJS build is a UMD wrapper whose requires a
// bundler cannot follow. For every bundle of the engine (the web page, the VS Code server, the command line).
import { join } from 'node:path';

export function jsoncDefaultPlugin(root) {
  const shims = join(root, 'web', 'shims');
  return {
    name: 'mtlint-jsonc-default',
    setup(builder) {
      // The shim's own import is the package itself.
      builder.onResolve({ filter: /^jsonc-parser$/ }, (args) =>
        args.importer.startsWith(shims) ? undefined : { path: join(shims, 'jsonc-parser.ts') },
      );
    },
  };
}
