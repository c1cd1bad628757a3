/**
 * The server's lint worker thread: the engine's executors start `./worker.js`
 * next to the module that holds them, which in the bundle is the shared chunk
 * beside `server.js`.
 */
import './modules.js';
import '../../../src/engine/worker.js';
