/** Browser stand-in for `node:url`: file URLs as plain paths. */
export function fileURLToPath(url: string | URL): string {
  return decodeURIComponent(new URL(String(url)).pathname);
}
export function pathToFileURL(path: string): URL {
  return new URL(`file://${encodeURI(path)}`);
}
