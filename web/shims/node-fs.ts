/**
 * Browser stand-in for `node:fs`: there is no file system. Callers in the
 * engine already fall back when a read fails (the tagger requires its lexicon
 * instead, the version is unknown), and word lists are registered up front.
 */
function unavailable(what: string, path: unknown): never {
  const error = new Error(`${what}(${String(path)}): no file system in the browser`) as Error & { code: string };
  error.code = 'ENOENT';
  throw error;
}

export function readFileSync(path: unknown): never {
  return unavailable('readFileSync', path);
}
export function statSync(path: unknown): never {
  return unavailable('statSync', path);
}
export function realpathSync(path: unknown): never {
  return unavailable('realpathSync', path);
}
export function existsSync(): boolean {
  return false;
}
