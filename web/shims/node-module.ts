/** Browser stand-in for `node:module`: `require` reads the chunk registry; there are no files to resolve. */
import { requireModule } from './registry.js';

export function createRequire(_from: string | URL) {
  const require = (specifier: string) => requireModule(specifier);
  require.resolve = (specifier: string): string => {
    throw new Error(`cannot resolve \`${specifier}\` in the browser`);
  };
  return require;
}
