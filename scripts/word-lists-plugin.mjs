// esbuild plugin: `mtlint:word-lists`, the engine's word lists (src/text/lexicon/*.txt) as one module,
// for bundles that have no lexicon folder next to them (the web page, the VS Code extension's server).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function wordListsPlugin(root) {
  return {
    name: 'mtlint-word-lists',
    setup(builder) {
      builder.onResolve({ filter: /^mtlint:word-lists$/ }, () => ({ path: 'word-lists', namespace: 'mtlint' }));
      builder.onLoad({ filter: /.*/, namespace: 'mtlint' }, () => {
        const folder = join(root, 'src', 'text', 'lexicon');
        const lists = Object.fromEntries(
          readdirSync(folder)
            .filter((name) => name.endsWith('.txt'))
            .map((name) => [name.slice(0, -4), readFileSync(join(folder, name), 'utf8')]),
        );
        return { contents: `export default ${JSON.stringify(lists)};`, loader: 'js', watchFiles: [] };
      });
    },
  };
}
