/**
 * The page: a text area with the findings drawn behind it, the findings list
 * with fixes, and the rule controls; optionally a source pane, against which
 * the text is linted as a translation (its places drawn there too). Linting runs in a worker (`worker.ts`):
 * at most one request is in flight, and edits made meanwhile are linted as one
 * when it returns, so typing never waits for the engine.
 */
import { configFor, type RuleInfo } from '../src/browser-config.js';
import type { Config, PresetName } from '../src/engine/config.js';
import type { FileWarning, Finding } from '../src/engine/lint.js';
import type { FormatName } from '../src/formats/index.js';
import type { FromWorker, SourceText, ToWorker } from './protocol.js';

declare global {
  interface Window {
    /** Set by `worker-source.js`: the worker's code, started from a blob so the page also works opened from disk. */
    mtlintWorkerSource?: string;
    /** Set by each `chunks/<name>.js` as it loads. */
    mtlintChunks?: Record<string, string>;
    /** Read by the browser test and handy in the console. */
    mtlintPage?: PageState;
  }
}

interface PageState {
  /** The text the findings belong to (equal to the text area's when `current`). */
  lintedText: string;
  /** The source it was linted against: '' without one (the pane closed, or nothing in it). */
  lintedSource: string;
  /** Problems with the text as a whole (a source whose paragraphs do not pair up), shown as a notice. */
  warnings: string[];
  findings: Finding[];
  current: boolean;
  /** Engine time of the last lint, and from the edit to the findings on screen. */
  lintMilliseconds: number;
  roundTripMilliseconds: number;
  chunksLoaded: string[];
  /** Fixes applied by the last "Fix all". */
  fixAllApplied?: number;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const textArea = $<HTMLTextAreaElement>('text');
const highlights = $<HTMLDivElement>('highlights');
const findingsList = $<HTMLOListElement>('findings');
const status = $<HTMLParagraphElement>('status');
const formatSelect = $<HTMLSelectElement>('format');
const presetSelect = $<HTMLSelectElement>('preset');
const fixAllButton = $<HTMLButtonElement>('fix-all');
const rulesFieldset = $<HTMLFieldSetElement>('rules');
const workspace = $<HTMLDivElement>('workspace');
const sourcePane = $<HTMLElement>('source-pane');
const sourceToggle = $<HTMLButtonElement>('source-toggle');
const sourceArea = $<HTMLTextAreaElement>('source');
const sourceHighlights = $<HTMLDivElement>('source-highlights');
const sourceLanguageSelect = $<HTMLSelectElement>('source-language');
const noticeLine = $<HTMLParagraphElement>('notice');

const SETTINGS_KEY = 'mtlint.settings';
const state: PageState = {
  lintedText: '',
  lintedSource: '',
  warnings: [],
  findings: [],
  current: false,
  lintMilliseconds: 0,
  roundTripMilliseconds: 0,
  chunksLoaded: [],
};
window.mtlintPage = state;

let catalog: RuleInfo[] = [];
let enabled = new Set<string>();
let fileName = 'article.txt';

// ---- the worker -------------------------------------------------------------

const worker = new Worker(
  URL.createObjectURL(new Blob([window.mtlintWorkerSource ?? ''], { type: 'text/javascript' })),
  { name: 'mtlint' },
);
let nextId = 1;
/** The request in flight: its id, text, source and when the edit it answers was made. */
let inFlight: { id: number; text: string; source: SourceText | undefined; editedAt: number } | undefined;
/** Set when the text changed while a request was in flight. */
let editedAt: number | undefined;
const fixRequests = new Map<number, (message: Extract<FromWorker, { type: 'fixed' }>) => void>();

const send = (message: ToWorker) => worker.postMessage(message);

function currentConfig(): Config {
  return configFor(catalog, presetSelect.value as PresetName, enabled);
}

/** The source the text is linted against: the pane's text while the pane is open and holds any. */
function activeSource(): SourceText | undefined {
  if (sourcePane.hidden || sourceArea.value.trim() === '') return undefined;
  const language = sourceLanguageSelect.value;
  return language ? { text: sourceArea.value, language } : { text: sourceArea.value };
}

function requestLint(): void {
  if (catalog.length === 0) return;
  const at = editedAt ?? performance.now();
  editedAt = undefined;
  inFlight = { id: nextId++, text: textArea.value, source: activeSource(), editedAt: at };
  send({
    type: 'lint',
    id: inFlight.id,
    text: inFlight.text,
    format: formatSelect.value as FormatName,
    config: currentConfig(),
    source: inFlight.source,
  });
}

/** The text or the settings changed: lint now, or as soon as the request in flight returns. */
function changed(): void {
  state.current = false;
  document.body.dataset.lint = 'pending';
  editedAt ??= performance.now();
  if (!inFlight) requestLint();
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'ready':
      catalog = message.rules;
      restoreSettings();
      drawRules();
      changed();
      break;
    case 'need':
      for (const name of message.names) loadChunk(name);
      break;
    case 'linted': {
      if (!inFlight || message.id !== inFlight.id) break;
      const { text, source, editedAt: at } = inFlight;
      inFlight = undefined;
      if (editedAt !== undefined) {
        // Edited meanwhile: these findings are already stale.
        requestLint();
        break;
      }
      state.lintMilliseconds = message.milliseconds;
      show(text, source?.text ?? '', message.findings, message.warnings);
      state.roundTripMilliseconds = performance.now() - at;
      document.body.dataset.lint = 'current';
      say();
      break;
    }
    case 'fixed':
      fixRequests.get(message.id)?.(message);
      fixRequests.delete(message.id);
      break;
    case 'failed':
      status.textContent = `mtlint failed: ${message.message}`;
      if (inFlight && message.id === inFlight.id) inFlight = undefined;
      break;
  }
};

/** Loads `chunks/<name>.js` with a script element (works from disk, where fetch does not) and hands its code over. */
function loadChunk(name: string): void {
  const script = document.createElement('script');
  script.src = `chunks/${name}.js`;
  script.onload = () => {
    const code = window.mtlintChunks?.[name] ?? null;
    if (window.mtlintChunks) delete window.mtlintChunks[name];
    state.chunksLoaded.push(name);
    send({ type: 'chunk', name, code });
    script.remove();
  };
  script.onerror = () => {
    status.textContent = `Could not load chunks/${name}.js: the rules that need it report an internal error.`;
    send({ type: 'chunk', name, code: null });
    script.remove();
  };
  document.head.append(script);
}

// ---- drawing ---------------------------------------------------------------

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A message with its `code` spans, as HTML. */
function messageHtml(message: string): string {
  return escapeHtml(message).replace(/`([^`]+)`/g, (_, code: string) => `<code>${code}</code>`);
}

/** The span a place is drawn over: an empty one (a missing character) shows the character after it. */
function drawnSpan(place: { offset: number; endOffset: number }, length: number): [number, number] {
  if (place.endOffset > place.offset) return [place.offset, place.endOffset];
  return place.offset < length ? [place.offset, place.offset + 1] : [Math.max(0, place.offset - 1), place.offset];
}

/** A stretch of a text drawn for the finding at `index` of the list. */
interface DrawnPlace {
  index: number;
  start: number;
  end: number;
}

/** Draws `places` behind a text area: a layer with the text in it, each place a `mark` naming its findings. */
function drawLayer(layer: HTMLDivElement, area: HTMLTextAreaElement, text: string, places: DrawnPlace[]): void {
  const cuts = new Set([0, text.length]);
  for (const { start, end } of places) {
    cuts.add(start);
    cuts.add(end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = escapeHtml(text.slice(from, to));
    const covering = places.filter(({ start, end }) => start <= from && to <= end).map(({ index }) => index);
    if (covering.length === 0) html += piece;
    else {
      const error = covering.some((index) => state.findings[index]?.severity === 2);
      html += `<mark data-findings="${[...new Set(covering)].join(' ')}"${error ? ' class="error"' : ''}>${piece}</mark>`;
    }
  }
  // A trailing newline needs something after it to take up its line.
  layer.innerHTML = `${html}\n `;
  layer.scrollTop = area.scrollTop;
}

/** A finding's places in the source: its related places in another file (the page has no other). */
function sourcePlaces(finding: Finding) {
  return (finding.related ?? []).filter((place) => place.filePath !== undefined);
}

function drawHighlights(text: string, source: string, findings: Finding[]): void {
  drawLayer(
    highlights,
    textArea,
    text,
    findings.map((finding, index) => {
      const [start, end] = drawnSpan(finding, text.length);
      return { index, start, end };
    }),
  );
  const inSource = findings.flatMap((finding, index) =>
    sourcePlaces(finding).map((place) => {
      const [start, end] = drawnSpan(place, source.length);
      return { index, start, end };
    }),
  );
  drawLayer(sourceHighlights, sourceArea, source, inSource);
}

function position(place: { line: number; column: number }): string {
  return `line ${place.line}, column ${place.column}`;
}

function drawFindings(findings: Finding[]): void {
  const items = findings.map((finding, index) => {
    const rule = escapeHtml(finding.ruleId);
    const severity = finding.severity === 2 ? 'Error' : 'Warning';
    const label = `${severity} at ${position(finding)}: ${finding.message} (${finding.ruleId})`;
    const fix = finding.fix
      ? `<button type="button" class="fix" data-index="${index}" aria-label="Apply the fix: ${escapeHtml(describeFix(finding))}">Fix</button>`
      : '';
    const docs = finding.url
      ? `<a href="${escapeHtml(finding.url)}" target="_blank" rel="noopener" aria-label="Documentation of the rule ${rule}">${rule}</a>`
      : `<span>${rule}</span>`;
    // A place in the source (a changed number's original): a second button shows it in the source pane.
    const inSource = sourcePlaces(finding)[0];
    const source = inSource
      ? ` <button type="button" class="where-source" data-index="${index}" aria-label="Show in the source: ${position(inSource)}">source ${inSource.line}:${inSource.column}</button>`
      : '';
    return `<li class="finding${finding.severity === 2 ? ' error' : ''}" data-rule="${rule}" data-offset="${finding.offset}" data-end-offset="${finding.endOffset}" data-message="${escapeHtml(finding.message)}" aria-label="${escapeHtml(label)}">
      <button type="button" class="where" data-index="${index}" aria-label="Show in the text: ${position(finding)}">${finding.line}:${finding.column}</button>${source}
      <span class="message">${messageHtml(finding.message)}</span>
      <span class="actions">${docs}${fix}</span></li>`;
  });
  findingsList.innerHTML = items.join('');
}

function describeFix(finding: Finding): string {
  const fix = finding.fix!;
  const before = state.lintedText.slice(fix.range[0], fix.range[1]);
  if (before === '') return `insert “${fix.text}”`;
  if (fix.text === '') return `delete “${before}”`;
  return `replace “${before}” with “${fix.text}”`;
}

function show(text: string, source: string, findings: Finding[], warnings: FileWarning[]): void {
  state.lintedText = text;
  state.lintedSource = source;
  state.findings = findings;
  state.warnings = warnings.map((warning) => warning.message);
  state.current = true;
  drawHighlights(text, source, findings);
  drawFindings(findings);
  // A notice, not an error: the text was still checked, only without its source.
  noticeLine.textContent = state.warnings.join(' ');
  noticeLine.hidden = state.warnings.length === 0;
  fixAllButton.disabled = !findings.some((finding) => finding.fix);
}

/** A one-off message (the result of "Fix all") shown before the findings summary until the next edit. */
let notice = '';

function say(): void {
  const count = state.findings.length;
  const fixable = state.findings.filter((finding) => finding.fix).length;
  const words = (textArea.value.match(/\S+/g) ?? []).length;
  const summary =
    count === 0
      ? `No findings in ${words.toLocaleString('en')} words.`
      : `${count} finding${count === 1 ? '' : 's'} (${fixable} fixable) in ${words.toLocaleString('en')} words; checked in ${Math.round(state.roundTripMilliseconds)} ms.`;
  status.textContent = notice ? `${notice} ${summary}` : summary;
}

// ---- editing ---------------------------------------------------------------

/**
 * Replaces `[start, end)` through the editing commands when the browser still
 * has them, so Ctrl+Z undoes a fix like any typing.
 */
function replaceText(start: number, end: number, replacement: string): void {
  const active = document.activeElement as HTMLElement | null;
  textArea.focus();
  textArea.setSelectionRange(start, end);
  let done = false;
  try {
    done = document.execCommand('insertText', false, replacement);
  } catch {}
  if (!done || textArea.value.slice(start, start + replacement.length) !== replacement) {
    textArea.setRangeText(replacement, start, end, 'end');
    textArea.dispatchEvent(new Event('input'));
  }
  active?.focus();
}

function applyFix(index: number): void {
  const finding = state.findings[index];
  if (!finding?.fix || !state.current || textArea.value !== state.lintedText) return;
  const [start, end] = finding.fix.range;
  replaceText(start, end, finding.fix.text);
}

/** Selects a finding's place in a text area, marks it as the current one and scrolls it into view. */
function reveal(area: HTMLTextAreaElement, layer: HTMLDivElement, place: DrawnPlace): void {
  area.focus();
  area.setSelectionRange(place.start, Math.max(place.end, place.start));
  let first: HTMLElement | undefined;
  for (const drawn of [highlights, sourceHighlights]) {
    for (const mark of drawn.querySelectorAll('mark')) {
      const current = (mark.dataset.findings ?? '').split(' ').includes(String(place.index));
      mark.classList.toggle('current', current);
      if (current && drawn === layer) first ??= mark;
    }
  }
  // The drawn layer lays the text out exactly as the text area does: scroll the finding to a third of the way down.
  if (first) area.scrollTop = Math.max(0, first.offsetTop - area.clientHeight / 3);
  layer.scrollTop = area.scrollTop;
}

function select(index: number): void {
  const finding = state.findings[index];
  if (finding) reveal(textArea, highlights, { index, start: finding.offset, end: finding.endOffset });
}

function selectInSource(index: number): void {
  const place = state.findings[index] && sourcePlaces(state.findings[index])[0];
  if (place) reveal(sourceArea, sourceHighlights, { index, start: place.offset, end: place.endOffset });
}

findingsList.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest('button');
  if (!button) return;
  const index = Number(button.dataset.index);
  if (button.classList.contains('fix')) {
    // Keep keyboard users in the list: focus moves to the finding that takes this one's place.
    refocus = Array.prototype.indexOf.call(findingsList.children, button.closest('li'));
    applyFix(index);
  } else if (button.classList.contains('where-source')) selectInSource(index);
  else select(index);
});
let refocus = -1;
new MutationObserver(() => {
  if (refocus < 0) return;
  const item = findingsList.children[Math.min(refocus, findingsList.children.length - 1)];
  (item?.querySelector('button.fix, button.where') as HTMLElement | null)?.focus();
  refocus = -1;
}).observe(findingsList, { childList: true });

fixAllButton.addEventListener('click', () => {
  const text = textArea.value;
  const id = nextId++;
  fixAllButton.disabled = true;
  status.textContent = 'Fixing…';
  fixRequests.set(id, (result) => {
    if (textArea.value !== text) return say(); // edited meanwhile: keep the edit
    if (result.output !== text) replaceText(0, text.length, result.output);
    // Set after the replacement's own input event, so it stays until the next edit.
    notice = `Applied ${result.applied} fix${result.applied === 1 ? '' : 'es'}.`;
    state.fixAllApplied = result.applied;
    say();
  });
  send({
    type: 'fix-all',
    id,
    text,
    format: formatSelect.value as FormatName,
    config: currentConfig(),
    source: activeSource(),
  });
});

textArea.addEventListener('input', () => {
  notice = '';
  changed();
});
textArea.addEventListener('scroll', () => {
  highlights.scrollTop = textArea.scrollTop;
});

// ---- the source pane ---------------------------------------------------------

sourceToggle.addEventListener('click', () => {
  const open = sourcePane.hidden;
  sourcePane.hidden = !open;
  workspace.classList.toggle('bilingual', open);
  sourceToggle.setAttribute('aria-expanded', String(open));
  if (open) sourceArea.focus();
  changed();
});
sourceArea.addEventListener('input', () => {
  notice = '';
  changed();
});
sourceArea.addEventListener('scroll', () => {
  sourceHighlights.scrollTop = sourceArea.scrollTop;
});
sourceLanguageSelect.addEventListener('change', changed);
$<HTMLInputElement>('open-source').addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  sourceArea.value = await readText(file);
  changed();
});

// ---- files, copying, exporting ----------------------------------------------

const FORMAT_OF_EXTENSION: Record<string, FormatName> = { md: 'md', markdown: 'md', html: 'html', htm: 'html' };

$<HTMLInputElement>('open').addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  fileName = file.name;
  formatSelect.value = FORMAT_OF_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? 'txt';
  textArea.value = await readText(file);
  changed();
});

async function readText(file: File): Promise<string> {
  return (await file.text()).replace(/^\uFEFF/, '');
}

function download(name: string, text: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(textArea.value);
  } catch {
    textArea.select();
    document.execCommand('copy');
  }
  status.textContent = 'Text copied.';
});
$('download').addEventListener('click', () => download(fileName, textArea.value, 'text/plain;charset=utf-8'));
$('export-config').addEventListener('click', () =>
  download(
    '.mtlintrc.json',
    `${JSON.stringify({ $schema: 'https://raw.githubusercontent.com/mtlint/mtlint/main/schema/mtlintrc.schema.json', ...currentConfig() }, null, 2)}\n`,
    'application/json',
  ),
);

// ---- settings ----------------------------------------------------------------

function drawRules(): void {
  rulesFieldset.replaceChildren(
    ...catalog.map((rule) => {
      const label = document.createElement('label');
      label.innerHTML = `<input type="checkbox" value="${escapeHtml(rule.id)}"${enabled.has(rule.id) ? ' checked' : ''}>
        <span><a href="${escapeHtml(rule.url)}" target="_blank" rel="noopener"><code>${escapeHtml(rule.id)}</code></a>${rule.fixable ? ' (fixable)' : ''}
        <span class="description">${messageHtml(rule.description)}</span></span>`;
      return label;
    }),
  );
  $('rule-count').textContent = String(enabled.size);
}

rulesFieldset.addEventListener('change', (event) => {
  const box = event.target as HTMLInputElement;
  if (box.checked) enabled.add(box.value);
  else enabled.delete(box.value);
  $('rule-count').textContent = String(enabled.size);
  saveSettings();
  changed();
});

presetSelect.addEventListener('change', () => {
  enabled = presetRules(presetSelect.value as PresetName);
  drawRules();
  saveSettings();
  changed();
});
formatSelect.addEventListener('change', changed);

function presetRules(preset: PresetName): Set<string> {
  return new Set(catalog.filter((rule) => rule.presets.includes(preset)).map((rule) => rule.id));
}

/** The preset and rule choice (never the text) are kept in this browser's local storage. */
function saveSettings(): void {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ preset: presetSelect.value, enabled: [...enabled] }));
  } catch {}
}

function restoreSettings(): void {
  let saved: { preset?: string; enabled?: string[] } = {};
  try {
    saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}');
  } catch {}
  if (saved.preset && [...presetSelect.options].some((option) => option.value === saved.preset))
    presetSelect.value = saved.preset;
  const known = new Set(catalog.map((rule) => rule.id));
  enabled = Array.isArray(saved.enabled)
    ? new Set(saved.enabled.filter((id) => known.has(id)))
    : presetRules(presetSelect.value as PresetName);
}
