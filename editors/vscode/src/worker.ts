/**
 * The server's lint worker thread: the engine's executors start `./worker.js`
 * next to the module that holds them, which in the bundle is the shared chunk
 * beside `server.js`.
 */
import './modules.js';
import { loadFormats } from '../../../src/formats/index.js';

// The Markdown and HTML front ends load before the first message, as in the server's thread: the bundle
// has no files for the engine's `require('./markdown.js')` to find (Markdown failed in the worker).
void loadFormats().then(() => import('../../../src/engine/worker.js'));
