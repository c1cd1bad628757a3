/**
 * The lint worker: the engine runs here so typing never waits for it. A lint
 * whose rules asked for a lazy chunk (the part-of-speech lexicon, language
 * trigrams, readability word lists) is run again once the page has sent the
 * chunk, so the findings are always those of the full engine.
 */
import './word-lists.js';
import * as entities from 'decode-named-character-reference';
import { type Config, type FormatName, fixText, IncrementalLinter, ruleCatalog } from '../src/browser.js';
import type { LintOptions } from '../src/engine/lint.js';
import { loadFormats } from '../src/formats/index.js';
import { CHUNK_OF_MODULE, type FromWorker, type SourceText, type ToWorker } from './protocol.js';
import { registerModule, takeMissing } from './shims/registry.js';

registerModule('decode-named-character-reference', entities);

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  importScripts(...urls: string[]): void;
};
const post = (message: FromWorker) => scope.postMessage(message);

/** Chunks loaded, being loaded (with their waiters) or failed. */
const chunks = new Map<string, 'loaded' | 'failed' | Array<() => void>>();

function loadChunks(names: string[]): Promise<void> {
  const waits: Promise<void>[] = [];
  const request: string[] = [];
  for (const name of names) {
    const state = chunks.get(name);
    if (state === 'loaded' || state === 'failed') continue;
    waits.push(
      new Promise<void>((resolve) => {
        if (Array.isArray(state)) state.push(resolve);
        else {
          chunks.set(name, [resolve]);
          request.push(name);
        }
      }),
    );
  }
  if (request.length > 0) post({ type: 'need', names: request });
  return Promise.all(waits).then(() => undefined);
}

function receiveChunk(name: string, code: string | null): void {
  const waiters = chunks.get(name);
  let loaded = false;
  if (code !== null) {
    try {
      // A chunk is a self-contained script that registers its modules; the page
      // hands it over as text because a worker opened from disk cannot fetch it.
      const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      scope.importScripts(url);
      URL.revokeObjectURL(url);
      loaded = true;
    } catch {}
  }
  chunks.set(name, loaded ? 'loaded' : 'failed');
  if (Array.isArray(waiters)) for (const resolve of waiters) resolve();
}

/** Runs `task` until no rule asks for a chunk that can still be loaded. */
async function withChunks<T>(task: () => T): Promise<T> {
  for (;;) {
    const result = task();
    const names = [...new Set(takeMissing().map((specifier) => CHUNK_OF_MODULE[specifier] ?? specifier))].filter(
      (name) => chunks.get(name) !== 'failed',
    );
    if (names.length === 0) return result;
    // What this run found lacks what the chunks give: nothing of it may be reused.
    linter.forget();
    await loadChunks(names);
  }
}

/**
 * The page's one document, linted again after each edit: only what the edit changed is done again. With a
 * source the whole text is linted against it each time (the incremental linter keeps nothing of a
 * bilingual run), its paragraphs paired with the source's in order, as the command line's `--source` does.
 */
const linter = new IncrementalLinter();

function lintOptions(format: FormatName, config: Config, source: SourceText | undefined): LintOptions {
  if (!source) return { format, config };
  return { format, config, source: source.text, sourceLanguage: source.language };
}

function lintOnce(text: string, options: LintOptions) {
  const { findings, warnings = [] } = linter.lint(text, options);
  return { findings, warnings };
}

/** The engine's `fixText` (fix passes until nothing changes), run again if a pass asked for a chunk. */
function fixAll(text: string, options: LintOptions) {
  return withChunks(() => {
    const fixed = fixText(text, options);
    return { output: fixed.output, applied: fixed.applied, findings: fixed.result.findings };
  });
}

/** Requests run one at a time, in order: a lint waiting for a chunk holds the ones behind it. */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'chunk') {
    receiveChunk(message.name, message.code);
    return;
  }
  queue = queue.then(async () => {
    const started = performance.now();
    try {
      const options = lintOptions(message.format, message.config, message.source);
      if (message.type === 'lint') {
        const result = await withChunks(() => lintOnce(message.text, options));
        post({ type: 'linted', id: message.id, ...result, milliseconds: performance.now() - started });
      } else {
        const result = await fixAll(message.text, options);
        post({ type: 'fixed', id: message.id, ...result, milliseconds: performance.now() - started });
      }
    } catch (error) {
      post({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
};

loadFormats().then(
  () => post({ type: 'ready', rules: ruleCatalog() }),
  (error: unknown) => post({ type: 'failed', id: -1, message: String(error) }),
);
