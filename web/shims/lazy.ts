/**
 * Browser stand-in for `src/shared/lazy.ts`: the same `lazyModule` contract
 * (a getter that loads on first call), served from the chunk registry instead
 * of `require`, so the rules run unchanged.
 */
import { requireModule } from './registry.js';

export function lazyModule<T>(specifier: string): () => T {
  return () => requireModule(specifier) as T;
}

/** Nothing to preload: the worker fetches a chunk when a rule first asks for it. */
export async function loadLazyModules(): Promise<void> {}
