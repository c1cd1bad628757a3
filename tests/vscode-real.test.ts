/**
 * The VS Code extension in a real VS Code: code-server 4.96.4 (VS Code 1.96.4 served to a browser; install it
 * with `scripts/install-code-server.sh`) with the packaged .vsix installed, driven in Debian's Chromium as a
 * person would: open the sample article from the Explorer, read the Problems panel and the status bar, select
 * each problem, press Ctrl+. and pick the quick fix, run "mtlint: Fix all problems in this file" from the
 * command palette, tick "Fix all on save" in the Settings editor, type and save; open a Markdown file and
 * add a disable comment with Ctrl+. What VS Code shows and saves must be what the command line reports and
 * fixes, and the comment must be the one the server's code computes.
 *
 * Runs when code-server is found ($CODE_SERVER, `code-server` on PATH, or the install script's default
 * /opt/code-server); otherwise it says SKIPPED, except in CI (.ci/run installs it), where it fails.
 * Not covered here: the desktop (Electron) build of VS Code, other VS Code versions, Windows and macOS.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { applyFixes } from '../src/engine/fixes.js';
import { describeEdit, disableLineEdit } from '../src/lsp/actions.js';
import type { JsonMessage } from '../src/report/json.js';
import { CLI, ROOT, runMtlint } from './helpers/cli.js';

const CHROMIUM = process.env.MTLINT_CHROMIUM ?? '/usr/bin/chromium';
const DEFAULT_PREFIX_BIN = '/opt/code-server/node_modules/.bin/code-server';

function findCodeServer(): string | undefined {
  if (process.env.CODE_SERVER) return process.env.CODE_SERVER;
  const onPath = spawnSync('sh', ['-c', 'command -v code-server'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  return existsSync(DEFAULT_PREFIX_BIN) ? DEFAULT_PREFIX_BIN : undefined;
}

const CODE_SERVER = findCodeServer();
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const runs = (CODE_SERVER !== undefined && existsSync(CHROMIUM)) || inCi;
if (!runs) {
  console.warn(
    `tests/vscode-real.test.ts: SKIPPED, ${CODE_SERVER ? `Chromium is not at ${CHROMIUM}` : 'code-server is not installed'} (bash scripts/install-code-server.sh, or set CODE_SERVER=/path/to/code-server); CI fails instead`,
  );
}

// The sample article and a line only the strict preset flags (a Cyrillic `М` in `Minsk`, a lower-case start).
const SAMPLE = `${readFileSync(join(ROOT, 'samples', 'belarus-mt-article.txt'), 'utf8')}\nthe talks in \u041cinsk ended.\n`;
// A Markdown file, where the quick fixes also offer disable comments.
const NOTES = '# Talks in Minsk\n\nThe talks ended. . Both sides left.\n\nRussia lent $ 500 million.\n';
const SCREENSHOT = join(ROOT, 'docs', 'vscode-screenshot.png');
const WAIT = 120_000; // generous: two shared cores, and a cold VS Code loads several megabytes of scripts

/** A finding as the command line's JSON gives it. */
type CliMessage = JsonMessage;

/** One problem as the Problems panel shows it (its accessible label and its text). */
interface ShownProblem {
  severity: 'Error' | 'Warning';
  message: string;
  ruleId: string;
  line: number;
  column: number;
  related: Array<{ message: string; line: number; column: number }>;
}

let work: string;
let workspace: string;
let article: string;
let notes: string;
let xliff: string;
let strictConfig: string;
let server: ChildProcess | undefined;
let serverLog = '';
let url: string;
let browser: Browser | undefined;
let page: Page;

/** Polls `probe` until it returns a value; on timeout the error names what was awaited and what was last seen. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, seen: () => Promise<string>) {
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${WAIT / 1000} s waiting for ${what}; last seen: ${await seen()}`);
}

function cliMessages(file: string): CliMessage[] {
  const run = runMtlint(['--format', 'json', '--config', strictConfig, file]);
  return JSON.parse(run.stdout)[0].messages;
}

function cliFixAll(text: string): string {
  const input = join(work, 'fix-input.txt');
  writeFileSync(input, text);
  const run = runMtlint(['--fix-dry-run', '--format', 'json', '--config', strictConfig, input]);
  return JSON.parse(run.stdout)[0].output ?? text;
}

/** How many problems the command line finds in a text. */
function cliCount(text: string): number {
  const file = join(work, 'count-input.txt');
  writeFileSync(file, text);
  return cliMessages(file).length;
}

/** Runs a command from the command palette (F1), by its title as the palette lists it. */
async function runCommand(title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title });
  await row.first().waitFor({ timeout: WAIT });
  await page.keyboard.press('Enter');
}

/**
 * Ctrl+. on the selection, then the quick fix `title` chosen with the arrow keys and Enter (the menu takes no
 * clicks while it opens: a pointer block covers the page). A menu that opens with "No code actions
 * available" (seen once, on a Markdown file just opened) is closed and asked again.
 */
async function chooseQuickFix(title: string, screenshot?: string): Promise<void> {
  const action = page.locator(`.action-widget .monaco-list-row[aria-label=${JSON.stringify(title)}]`);
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    const shown = await action
      .waitFor({ timeout: attempt < 5 ? 15_000 : WAIT })
      .then(() => true)
      .catch((error) => {
        if (attempt >= 5) throw error;
        return false;
      });
    if (shown) break;
    await page.keyboard.press('Escape');
  }
  if (screenshot) {
    await page.screenshot({ path: screenshot });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
  }
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  for (let step = 0; step < 10 && (await focused.getAttribute('aria-label')) !== title; step++) {
    await page.keyboard.press('ArrowDown');
  }
  expect(await focused.getAttribute('aria-label')).toBe(title);
  await page.keyboard.press('Enter');
}

async function statusTexts(): Promise<string[]> {
  return page.locator('.statusbar-item').allInnerTexts();
}

/** The extension's status bar count, `mtlint: N` (a tick and `mtlint` alone for none). */
async function waitForCount(count: number): Promise<void> {
  const shown = count === 0 ? 'mtlint' : `mtlint: ${count}`;
  await waitFor(
    `the status bar to show "${shown}"`,
    async () => ((await statusTexts()).some((text) => text.trim() === shown) ? true : undefined),
    async () => JSON.stringify(await statusTexts()),
  );
}

async function shownProblems(): Promise<ShownProblem[]> {
  const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((elements) =>
    // The rule's name is the link after "mtlint" in the row (the accessible label leaves it out).
    elements.map((element) => ({
      label: element.getAttribute('aria-label') ?? '',
      ruleId: (element.querySelector('.marker-code')?.textContent ?? '').replace(/[()]/g, '').trim(),
    })),
  );
  const problems: ShownProblem[] = [];
  for (const { label, ruleId } of rows) {
    const problem =
      /^(Error|Warning): ([\s\S]*) at line (\d+) and character (\d+)\.(?: This problem .*?\.)? generated by mtlint$/.exec(
        label,
      );
    const related = /^([\s\S]*) at line (\d+) and character (\d+) in [^ ]+$/.exec(label);
    if (problem) {
      problems.push({
        severity: problem[1] as ShownProblem['severity'],
        message: problem[2],
        ruleId,
        line: Number(problem[3]),
        column: Number(problem[4]),
        related: [],
      });
    } else if (related && problems.length > 0) {
      problems[problems.length - 1].related.push({
        message: related[1],
        line: Number(related[2]),
        column: Number(related[3]),
      });
    }
  }
  return problems;
}

function asShown(message: CliMessage): ShownProblem {
  return {
    severity: message.severity === 2 ? 'Error' : 'Warning',
    message: message.message,
    ruleId: message.ruleId,
    line: message.line,
    column: message.column,
    related: (message.relatedInformation ?? []).map(({ message, line, column }) => ({ message, line, column })),
  };
}

const byPosition = (a: ShownProblem, b: ShownProblem) => a.line - b.line || a.column - b.column;

/** Selects a problem in the Problems panel and opens it, as a click and Enter do: the editor selects its range. */
async function openProblem(message: CliMessage): Promise<void> {
  const row = page.locator(
    `.markers-panel .monaco-list-row[aria-label^=${JSON.stringify(`${message.severity === 2 ? 'Error' : 'Warning'}: ${message.message} at line ${message.line} and character ${message.column}.`)}]`,
  );
  await row.click({ position: { x: 40, y: 8 }, timeout: WAIT }); // the icon's end: the rule's link opens a browser tab
  await page.keyboard.press('Enter');
}

async function selectionStatus(): Promise<string> {
  const text = await page
    .locator('[id="status.editor.selection"]')
    .textContent({ timeout: 1000 })
    .catch(() => '');
  return (text ?? '').trim();
}

/** On a failure, keeps what the browser showed (the work folder is removed) and says where. */
function screenshotOnFailure(name: string): void {
  onTestFailed(async () => {
    const path = join(tmpdir(), `mtlint-vscode-real-${name}.png`);
    await page.screenshot({ path }).catch(() => undefined);
    console.error(`tests/vscode-real.test.ts: the browser at the failure: ${path}`);
  });
}

beforeAll(async () => {
  if (!runs) return;
  if (!CODE_SERVER)
    throw new Error('code-server is not installed, and CI must run this test: bash scripts/install-code-server.sh');
  if (!existsSync(CODE_SERVER)) throw new Error(`CODE_SERVER=${CODE_SERVER} does not exist`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}, and CI must run this test`);
  if (!existsSync(CLI)) throw new Error('the built CLI is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'mtlint-vscode-real-'));
  // Built in its own folder: tests/vscode-extension.test.ts rebuilds editors/vscode/dist at the same time.
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-vscode.mjs'), join(work, 'extension')], {
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build-vscode failed:\n${built.stdout}${built.stderr}`);
  const version = JSON.parse(readFileSync(join(ROOT, 'editors', 'vscode', 'package.json'), 'utf8')).version;
  const vsix = join(work, 'extension', `mtlint-${version}.vsix`);

  const config = join(work, 'code-server.yaml');
  writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\n');
  const userData = join(work, 'user-data');
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', join(work, 'extensions')];
  const env = { ...process.env, XDG_CONFIG_HOME: join(work, 'xdg-config'), XDG_DATA_HOME: join(work, 'xdg-data') };
  const installed = spawnSync(CODE_SERVER, [...common, '--install-extension', vsix], {
    encoding: 'utf8',
    env,
    timeout: WAIT,
  });
  if (!`${installed.stdout}`.includes('was successfully installed'))
    throw new Error(`code-server --install-extension failed:\n${installed.stdout}${installed.stderr}`);

  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'mtlint.preset': 'mtlint:strict',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.ignoreRecommendations': true,
      'update.mode': 'none',
      'editor.wordWrap': 'on',
      // VS Code for the web saves a second after typing stops; the desktop default, off, lets the test save itself.
      'files.autoSave': 'off',
    }),
  );
  workspace = join(work, 'workspace');
  mkdirSync(workspace);
  article = join(workspace, 'article.txt');
  writeFileSync(article, SAMPLE);
  notes = join(workspace, 'notes.md');
  writeFileSync(notes, NOTES);
  // An XLIFF file: VS Code opens it as XML, and the extension must still pick it up.
  xliff = join(workspace, 'metro.xlf');
  writeFileSync(xliff, readFileSync(join(ROOT, 'tests', 'fixtures', 'bilingual', 'okapi-1.2.xlf'), 'utf8'));
  strictConfig = join(work, 'strict.json');
  writeFileSync(strictConfig, '{ "extends": "mtlint:strict" }');

  // Its own process group, so that afterAll ends code-server with every process it started.
  server = spawn(
    CODE_SERVER,
    [...common, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const listening = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      serverLog += chunk.toString();
      const address = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(serverLog);
      if (address) resolve(address[1]);
    };
    server?.stdout?.on('data', read);
    server?.stderr?.on('data', read);
    server?.on('exit', (code) => reject(new Error(`code-server exited with ${code} before listening:\n${serverLog}`)));
    setTimeout(() => reject(new Error(`code-server did not listen within ${WAIT / 1000} s:\n${serverLog}`)), WAIT);
  });
  url = await listening;

  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  // Tall enough for the Problems panel to render every row of the article's problems at once.
  page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  // Only code-server itself: VS Code's marketplace and CDN lookups are not reachable here, and not needed.
  await page.route(
    (requested) => requested.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    const killed = setTimeout(() => server?.pid && process.kill(-server.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(killed);
  }
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

describe.skipIf(!runs)('the extension in code-server (VS Code 1.96) in Chromium', () => {
  it('shows the command line’s problems in the Problems panel, with their ranges in the editor', async () => {
    screenshotOnFailure('problems');
    const cli = cliMessages(article);
    expect(cli.length).toBeGreaterThan(5);
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
    const entry = page.getByRole('treeitem', { name: 'article.txt' });
    await entry.waitFor({ timeout: WAIT });
    await entry.dblclick();
    await waitForCount(cli.length);

    // VS Code's own count in the status bar: errors, then warnings.
    const errors = cli.filter((message) => message.severity === 2).length;
    const problemsItem = ((await page.locator('[id="status.problems"]').textContent()) ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    expect(problemsItem).toBe(`${errors} ${cli.length - errors}`);

    await page.keyboard.press('Control+Shift+M');
    const shown = await waitFor(
      `${cli.length} mtlint problems in the Problems panel`,
      async () => {
        const problems = await shownProblems();
        return problems.length === cli.length ? problems : undefined;
      },
      async () => JSON.stringify(await shownProblems()),
    );
    expect(shown.sort(byPosition)).toEqual(cli.map(asShown).sort(byPosition));

    // Opening a problem selects its range: the cursor lands on its end, the status bar counts the selection.
    for (const message of cli) {
      await openProblem(message);
      const expected = `Ln ${message.endLine}, Col ${message.endColumn}`;
      await waitFor(
        `the selection of "${message.message}" to end at ${expected}`,
        async () => ((await selectionStatus()).startsWith(expected) ? true : undefined),
        selectionStatus,
      );
      if (message.line === message.endLine) {
        expect(await selectionStatus()).toBe(`${expected} (${message.endColumn - message.column} selected)`);
      }
    }
  }, 600_000);

  it('applies a quick fix picked with Ctrl+. as --fix applies it, and saves it', async () => {
    screenshotOnFailure('quick-fix');
    const before = readFileSync(article, 'utf8');
    const cli = cliMessages(article);
    const finding = cli.find((message) => message.ruleId === 'doubled-punctuation');
    if (!finding?.fix) throw new Error('the sample article no longer has a doubled full stop to fix');
    const title = `${describeEdit(before.slice(...finding.fix.range), finding.fix.text)} (${finding.ruleId})`;
    await openProblem(finding);
    await waitFor(
      'the doubled full stop to be selected',
      async () =>
        (await selectionStatus()).startsWith(`Ln ${finding.endLine}, Col ${finding.endColumn}`) ? true : undefined,
      selectionStatus,
    );
    const path =
      existsSync(SCREENSHOT) && !process.env.MTLINT_UPDATE_SCREENSHOT ? join(work, 'vscode.png') : SCREENSHOT;
    await chooseQuickFix(title, path);
    await waitForCount(cli.length - 1);
    await page.keyboard.press('Control+S');
    const expected = applyFixes(before, [finding]).output;
    expect(expected).not.toBe(before);
    await waitFor(
      'the fixed article to be saved',
      async () => (readFileSync(article, 'utf8') === expected ? true : undefined),
      async () => `a file of ${readFileSync(article, 'utf8').length} characters, expected ${expected.length}`,
    );
    // The fixed problem is gone from the command line's report too, and only it.
    const titleOf = (message: CliMessage) => `${message.ruleId}: ${message.message}`;
    expect(cliMessages(article).map(titleOf)).toEqual(cli.filter((message) => message !== finding).map(titleOf));
  }, 600_000);

  it('fixes everything with "mtlint: Fix all problems in this file" as --fix does', async () => {
    screenshotOnFailure('fix-all');
    const before = readFileSync(article, 'utf8');
    const expected = cliFixAll(before);
    expect(expected).not.toBe(before);
    await runCommand('mtlint: Fix all problems in this file');
    await waitForCount(cliCount(expected));
    await page.keyboard.press('Control+S');
    await waitFor(
      'the article fixed by the command to be saved',
      async () => (readFileSync(article, 'utf8') === expected ? true : undefined),
      async () => `a file of ${readFileSync(article, 'utf8').length} characters, expected ${expected.length}`,
    );
  }, 600_000);

  it('fixes on save once "Fix all on save" is ticked in the Settings editor', async () => {
    screenshotOnFailure('fix-on-save');
    await runCommand('Preferences: Open User Settings');
    const search = page
      .locator('.settings-editor .suggest-input-container textarea, .settings-editor .search-container textarea')
      .first();
    await search.waitFor({ timeout: WAIT });
    await page.keyboard.type('mtlint.fixAllOnSave');
    // Only the setting's own row: until the search applies, the first check box is another setting's.
    const checkbox = page
      .locator('.settings-editor .setting-item-bool', { hasText: 'Fix All On Save' })
      .locator('[role="checkbox"]');
    await checkbox.waitFor({ timeout: WAIT });
    expect(await checkbox.getAttribute('aria-checked')).toBe('false');
    await checkbox.click();
    const settings = join(work, 'user-data', 'User', 'settings.json');
    await waitFor(
      'the Settings editor to write "mtlint.fixAllOnSave": true to the user settings',
      async () => (/"mtlint\.fixAllOnSave":\s*true/.test(readFileSync(settings, 'utf8')) ? true : undefined),
      async () => readFileSync(settings, 'utf8'),
    );
    await page.keyboard.press('Control+W'); // closes the Settings editor: the article is in front again

    const before = readFileSync(article, 'utf8');
    const typed = 'In June Russia lent $ 300 million. . They met again.';
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(typed);
    const edited = before + typed;
    const expected = cliFixAll(edited);
    expect(expected).not.toBe(edited);
    await waitForCount(cliCount(edited));
    await page.keyboard.press('Control+S');
    await waitFor(
      'the article to be fixed as it is saved',
      async () => (readFileSync(article, 'utf8') === expected ? true : undefined),
      async () => JSON.stringify(readFileSync(article, 'utf8').slice(before.length - 20)),
    );
    await waitForCount(cliCount(expected));
  }, 600_000);

  it('lints Markdown, and "Disable … for this line" from Ctrl+. writes the comment the server computes', async () => {
    screenshotOnFailure('markdown');
    const cli = cliMessages(notes);
    expect(cli.map((message) => message.ruleId)).toEqual(['doubled-punctuation', 'currency-spacing']);
    const entry = page.getByRole('treeitem', { name: 'notes.md' });
    await entry.dblclick({ timeout: WAIT });
    await waitForCount(cli.length);
    const finding = cli[0];
    if (!finding.fix) throw new Error('doubled-punctuation has no fix any more');
    await openProblem(finding);
    await waitFor(
      'the doubled full stop in notes.md to be selected',
      async () =>
        (await selectionStatus()).startsWith(`Ln ${finding.endLine}, Col ${finding.endColumn}`) ? true : undefined,
      selectionStatus,
    );
    await chooseQuickFix(`Disable ${finding.ruleId} for this line`);
    await waitForCount(cli.length - 1);
    await page.keyboard.press('Control+S');
    const edit = disableLineEdit(NOTES, 'md', finding.fix.range[0], finding.ruleId);
    // Fix-on-save, ticked in the test before, fixes the `$ 500` as it saves.
    const expected = cliFixAll(NOTES.slice(0, edit.start) + edit.text + NOTES.slice(edit.end));
    expect(expected).toContain(`${edit.text}The talks ended. . Both`);
    await waitFor(
      'notes.md to be saved with the disable comment',
      async () => (readFileSync(notes, 'utf8') === expected ? true : undefined),
      async () => JSON.stringify(readFileSync(notes, 'utf8')),
    );
    expect(cliMessages(notes)).toEqual([]);
    await waitForCount(0);
  }, 600_000);

  it('lints an XLIFF file, which VS Code opens as XML, and lists the command line’s problems', async () => {
    screenshotOnFailure('xliff');
    const cli = cliMessages(xliff);
    expect(cli.map((message) => message.ruleId)).toContain('carried-quotes');
    // Only this file's problems in the panel: the others are closed (the server clears a closed file's).
    await runCommand('View: Close All Editors');
    const entry = page.getByRole('treeitem', { name: 'metro.xlf' });
    await entry.dblclick({ timeout: WAIT });
    await waitForCount(cli.length);
    const language = await page
      .locator('[id="status.editor.mode"]')
      .textContent()
      .then((text) => (text ?? '').trim());
    expect(language).toBe('XML');
    // Ctrl+Shift+M toggles: press it only if the first test's panel was closed since.
    if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
    const shown = await waitFor(
      `${cli.length} mtlint problems of metro.xlf in the Problems panel`,
      async () => {
        const problems = await shownProblems();
        return problems.length === cli.length ? problems : undefined;
      },
      async () => JSON.stringify(await shownProblems()),
    );
    expect(shown.sort(byPosition)).toEqual(cli.map(asShown).sort(byPosition));
  }, 600_000);
});
