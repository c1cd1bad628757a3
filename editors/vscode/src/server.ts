/** The bundled language server: what `mtlint lsp` runs, with its lazy modules registered first. */
import './modules.js';
import { loadFormats } from '../../../src/formats/index.js';
import { startServer } from '../../../src/lsp/server.js';

// The Markdown and HTML front ends load ahead of use, as on Node < 20.19 (VS Code 1.82 runs Node 18).
void loadFormats().then(() => startServer());
