/**
 * Modules that only some runs need (language identification, readability word
 * lists, the stylish reporter, HTML entity names), loaded on first use so a
 * small run does not pay for them at start-up.
 *
 * First use loads synchronously with `require`, which takes ES modules on
 * Node ≥ 20.19. On older Node, `loadLazyModules()` (called by `loadFormats()`)
 * imports them all ahead of use.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const loaders: Array<() => Promise<void>> = [];

/** A getter for module `specifier`'s exports, loaded the first time it is called. */
export function lazyModule<T>(specifier: string): () => T {
  let loaded: T | undefined;
  loaders.push(async () => {
    loaded ??= (await import(specifier)) as T;
  });
  return () => {
    if (loaded === undefined) {
      if ((process.features as { require_module?: boolean }).require_module !== true)
        throw new Error(`${specifier} is not loaded: await loadFormats() first`);
      loaded = require(specifier) as T;
    }
    return loaded;
  };
}

/** Loads every lazy module now (needed before linting only on Node < 20.19). */
export async function loadLazyModules(): Promise<void> {
  await Promise.all(loaders.map((load) => load()));
}
