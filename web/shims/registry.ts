/**
 * Modules the engine loads on first use (`lazyModule`, the tagger's
 * `require('pos')`) come, in the browser, from chunks the page loads on
 * demand. A chunk puts its exports here; asking for one that is not here yet
 * records the name, so the worker can fetch its chunk and lint again.
 */
type Registry = Map<string, unknown>;

const scope = globalThis as typeof globalThis & { __mtlintModules?: Registry; __mtlintMissing?: Set<string> };
scope.__mtlintModules ??= new Map();
scope.__mtlintMissing ??= new Set();
const registry: Registry = scope.__mtlintModules;
const missing: Set<string> = scope.__mtlintMissing;

export class MissingModuleError extends Error {
  constructor(readonly specifier: string) {
    super(`\`${specifier}\` is still loading`);
    this.name = 'MissingModuleError';
  }
}

export function registerModule(specifier: string, exports: unknown): void {
  registry.set(specifier, exports);
  missing.delete(specifier);
}

export function requireModule(specifier: string): unknown {
  if (registry.has(specifier)) return registry.get(specifier);
  missing.add(specifier);
  throw new MissingModuleError(specifier);
}

/** The modules asked for since the last call, and forgets them. */
export function takeMissing(): string[] {
  const names = [...missing];
  missing.clear();
  return names;
}
