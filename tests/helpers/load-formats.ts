/**
 * Vitest setup: under vitest the sources are TypeScript, which the format
 * layer's synchronous `require` of its Markdown and HTML front ends cannot
 * load, so load them the asynchronous way first (as on Node < 20.19).
 */
import { loadFormats } from '../../src/formats/index.js';

await loadFormats();
