/** Modules the web build generates (`scripts/build-web.mjs`). */
declare module 'mtlint:word-lists' {
  const lists: Record<string, string>;
  export default lists;
}
