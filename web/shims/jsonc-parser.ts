/**
 * `import jsonc from 'jsonc-parser'` takes the CommonJS build's exports as the
 * default in Node; a browser bundle gets the ES build, which has no default.
 */
import * as jsonc from 'jsonc-parser';

export default jsonc;
// Named imports (the catalog reader's) pass through to the ES build.
export * from 'jsonc-parser';
