/** The server's lint worker thread (`src/lsp/linter.ts` starts `./lint-worker.js` next to the server). */
import './modules.js';
import '../../../src/lsp/lint-worker.js';
