/**
 * The web page in a real browser: Debian's Chromium driven by playwright-core,
 * the page built by `scripts/build-web.mjs` and opened from disk (file://, as a
 * reader who downloaded it would). The article is pasted and typed into the
 * page; what the page highlights must be exactly what the command line reports
 * for the same text with the config the page exports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDevDir } from '../bench/eval/data.js';
import { applyFixes } from '../src/engine/fixes.js';
import { lint } from '../src/engine/lint.js';
import { CLI, ROOT, runMtlint } from './helpers/cli.js';

declare global {
  interface Window {
    mtlintPage?: {
      lintedText: string;
      lintedSource: string;
      warnings: string[];
      lintMilliseconds: number;
      roundTripMilliseconds: number;
      chunksLoaded: string[];
      fixAllApplied?: number;
    };
  }
}

const CHROMIUM = process.env.MTLINT_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const runs = hasChromium || inCi;
if (!runs) {
  console.warn(
    `tests/web.test.ts: SKIPPED, Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium, or set MTLINT_CHROMIUM); CI fails instead`,
  );
}

const SAMPLE = readFileSync(join(ROOT, 'samples', 'belarus-mt-article.txt'), 'utf8');
const SCREENSHOT = join(ROOT, 'docs', 'web-screenshot.png');

interface CliMessage {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
  relatedInformation?: Array<{ line: number; column: number; endLine: number; endColumn: number; filePath?: string }>;
}

// Two segments of the dev set (real MT output, annotated by professional translators), Chinese into English:
// a translation that turned 315.1亿 (31.51 billion) into `31.1 billion` (the raters marked `31.1` a
// mistranslation), and a correct one with four figures, all kept.
const DEV = defaultDevDir(ROOT);
const CHANGED_NUMBER = 'zh-en|wmt23-general-sxs|ONLINE-M|news_chinanews.com.280802:zh-en|54';
const KEPT_NUMBERS = 'zh-en|wmt21-ted|Facebook-AI|talk.6|475';
const CHANGED_YEAR = 'ru-en|wmt21-biomed|TMT_run1|doc52|1';
const haveDev = ['mqm_zhen.dev.jsonl', 'mqm_bio_x2en.dev.jsonl'].every((file) => existsSync(join(DEV, file)));

interface ShownFinding {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  offset: number;
  endOffset: number;
  label: string;
  fixable: boolean;
}

let work: string;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  if (!runs) return;
  if (!hasChromium) throw new Error(`Chromium is not installed at ${CHROMIUM}, and CI must run this test`);
  work = mkdtempSync(join(tmpdir(), 'mtlint-web-'));
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs'), join(work, 'site')], {
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build-web failed:\n${built.stderr}`);
  if (!existsSync(CLI)) throw new Error('the built CLI is missing: run `npm run build` first');
  const { chromium } = await import('playwright-core');
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(pathToFileURL(join(work, 'site', 'index.html')).href);
  await page.waitForFunction(() => document.body.dataset.lint === 'current', null, { timeout: 60_000 });
}, 180_000);

afterAll(async () => {
  await context?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Waits until the findings on screen belong to the text in the text area (and to the source pane's, when open). */
async function settled(): Promise<void> {
  await page.waitForFunction(
    () => {
      const source = document.getElementById('source') as HTMLTextAreaElement;
      const inUse = (document.getElementById('source-pane') as HTMLElement).hidden || source.value.trim() === '';
      return (
        document.body.dataset.lint === 'current' &&
        window.mtlintPage?.lintedText === (document.getElementById('text') as HTMLTextAreaElement).value &&
        window.mtlintPage?.lintedSource === (inUse ? '' : source.value)
      );
    },
    null,
    { timeout: 60_000 },
  );
}

async function pageText(): Promise<string> {
  return page.inputValue('#text');
}

/** Replaces the whole text the way a paste does (one input event). */
async function paste(text: string): Promise<void> {
  await page.focus('#text');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await settled();
}

async function shownFindings(): Promise<ShownFinding[]> {
  return page.$$eval('#findings > li', (items) =>
    items.map((item) => {
      const [line, column] = (item.querySelector('.where')?.textContent ?? '0:0').split(':').map(Number);
      return {
        ruleId: item.getAttribute('data-rule') ?? '',
        message: item.getAttribute('data-message') ?? '',
        line,
        column,
        offset: Number(item.getAttribute('data-offset')),
        endOffset: Number(item.getAttribute('data-end-offset')),
        label: item.getAttribute('aria-label') ?? '',
        fixable: item.querySelector('button.fix') !== null,
      };
    }),
  );
}

/** The config the page exports, saved where the command line can read it. */
async function exportedConfig(): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-config')]);
  const path = join(work, `mtlintrc-${Date.now()}.json`);
  await download.saveAs(path);
  return path;
}

/** The command line's findings for `text` with the config file at `config` (and against `source`, when given). */
function cliFindings(text: string, config: string, name = 'article.txt', source?: string): CliMessage[] {
  const file = join(work, name);
  writeFileSync(file, text);
  const sourceArgs: string[] = [];
  if (source !== undefined) {
    writeFileSync(join(work, `source-${name}`), source);
    sourceArgs.push('--source', join(work, `source-${name}`));
  }
  const run = runMtlint(['--format', 'json', '--config', config, ...sourceArgs, file]);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as Array<{ messages: CliMessage[] }>)[0].messages;
}

function comparable(findings: Array<Pick<CliMessage, 'ruleId' | 'message' | 'line' | 'column'>>) {
  return findings.map(({ ruleId, message, line, column }) => ({ ruleId, message, line, column }));
}

describe.skipIf(!runs)(
  `the web page in Chromium, opened from disk${runs ? '' : ` (SKIPPED: no Chromium at ${CHROMIUM})`}`,
  () => {
    it('loads only the core bundle until a rule asks for more, and makes no network request', async () => {
      const state = await page.evaluate(() => window.mtlintPage?.chunksLoaded ?? []);
      expect(state).toEqual([]);
      expect(requests.filter((url) => url.includes('/chunks/'))).toEqual([]);
      expect(await page.textContent('.privacy')).toContain('never leaves this computer');
    });

    it('highlights exactly the findings of the command line on the pasted and typed sample article', async () => {
      await paste(SAMPLE);
      // Typed at the end, key by key: a doubled full stop to be found as it is typed.
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n\nThe court adjourned. . It cost 1.500.000 euros.\n\nthe talks in \u041cinsk ended.');
      await settled();
      // The part-of-speech lexicon was fetched when spurious-number first needed it.
      expect(await page.evaluate(() => window.mtlintPage?.chunksLoaded)).toContain('pos');
      const rulesByPreset: Record<string, string[]> = {};
      for (const preset of ['mtlint:recommended', 'mtlint:strict', 'mtlint:all']) {
        await page.selectOption('#preset', preset);
        await settled();
        const text = await pageText();
        const shown = await shownFindings();
        rulesByPreset[preset] = shown.map((finding) => finding.ruleId);
        const config = await exportedConfig();
        expect(JSON.parse(readFileSync(config, 'utf8'))).toMatchObject({ extends: preset });
        const expected = cliFindings(text, config);
        expect(expected.length).toBeGreaterThan(0);
        expect(comparable(shown)).toEqual(comparable(expected));
        expect(shown.map((finding) => finding.fixable)).toEqual(expected.map((finding) => finding.fix !== undefined));
        // Each finding is drawn over its text, and the drawn layer holds the text unchanged.
        const layer = await page.$eval('#highlights', (element) => ({
          text: element.textContent ?? '',
          marks: [...element.querySelectorAll('mark')].map((mark) => ({
            text: mark.textContent ?? '',
            findings: (mark.getAttribute('data-findings') ?? '').split(' ').map(Number),
          })),
        }));
        expect(layer.text).toBe(`${text}\n `);
        shown.forEach((finding, index) => {
          const covered = layer.marks
            .filter((mark) => mark.findings.includes(index))
            .map((mark) => mark.text)
            .join('');
          const span = text.slice(finding.offset, finding.endOffset);
          expect(covered).toBe(span === '' ? text.slice(finding.offset, finding.offset + 1) : span);
          expect(finding.label).toContain(finding.message);
          expect(finding.label).toContain(finding.ruleId);
        });
      }
      // The preset matters: the typed `1.500.000` is a strict-only finding, the typed `. .` a default one.
      expect(rulesByPreset['mtlint:recommended']).not.toContain('number-format');
      expect(rulesByPreset['mtlint:strict']).toContain('number-format');
      expect(rulesByPreset['mtlint:recommended']).toContain('doubled-punctuation');
      const typed = (await shownFindings()).filter((finding) => finding.ruleId === 'doubled-punctuation');
      expect(typed.some((finding) => finding.message === 'Unexpected `. .`, expected `.`')).toBe(true);
    });

    it('links every finding to its rule documentation', async () => {
      const links = await page.$$eval('#findings > li a', (anchors) =>
        anchors.map((anchor) => ({ rule: anchor.textContent, href: anchor.getAttribute('href') })),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const link of links)
        expect(link.href).toBe(`https://github.com/mtlint/mtlint/blob/main/README.md#${link.rule}`);
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      for (const link of links) expect(readme).toContain(`<a id="${link.rule}"></a>`);
    });

    it('applies one fix from the keyboard alone, and fix all gives the command line --fix output', async () => {
      await page.selectOption('#preset', 'mtlint:strict');
      await paste(SAMPLE);
      const before = await pageText();
      const config = await exportedConfig();
      const expected = cliFindings(before, config);
      const firstFixable = expected.find((finding) => finding.fix);
      expect(firstFixable).toBeDefined();
      // Tab from the text area to the first Fix button, then Enter.
      await page.focus('#text');
      let onFix = false;
      for (let step = 0; step < 40 && !onFix; step++) {
        await page.keyboard.press('Tab');
        onFix = await page.evaluate(() => document.activeElement?.classList.contains('fix') ?? false);
      }
      expect(onFix).toBe(true);
      await page.keyboard.press('Enter');
      await settled();
      const afterOne = await pageText();
      expect(afterOne).toBe(applyFixes(before, [firstFixable!]).output);
      expect(afterOne).not.toBe(before);
      // Undo works on a fix like on typing.
      await page.focus('#text');
      await page.keyboard.press('Control+Z');
      await settled();
      expect(await pageText()).toBe(before);

      await page.click('#fix-all');
      await page.waitForFunction(() => window.mtlintPage?.fixAllApplied !== undefined, null, { timeout: 60_000 });
      await settled();
      expect(await page.textContent('#status')).toMatch(/^Applied \d+ fix(es)?\. /);
      // Download text saves exactly what is in the text area.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      const saved = join(work, 'downloaded.txt');
      await download.saveAs(saved);
      expect(download.suggestedFilename()).toBe('article.txt');
      expect(readFileSync(saved, 'utf8')).toBe(await pageText());
      writeFileSync(join(work, 'fix.txt'), before);
      const fixed = runMtlint(['--fix-dry-run', '--format', 'json', '--config', config, join(work, 'fix.txt')]);
      const output = (JSON.parse(fixed.stdout) as Array<{ output?: string }>)[0].output;
      expect(output).toBeDefined();
      expect(await pageText()).toBe(output);
      expect((await shownFindings()).some((finding) => finding.fixable)).toBe(false);
    });

    it('opens a Markdown file and lints it as Markdown, like the command line', async () => {
      const article = join(ROOT, 'tests', 'fixtures', 'lsp', 'article.md');
      await page.selectOption('#preset', 'mtlint:recommended');
      await page.setInputFiles('#open', article);
      await settled();
      expect(await page.inputValue('#format')).toBe('md');
      const text = await pageText();
      expect(text).toBe(readFileSync(article, 'utf8').replace(/^\uFEFF/, ''));
      const expected = cliFindings(text, await exportedConfig(), 'article.md');
      expect(expected.length).toBeGreaterThan(0);
      expect(comparable(await shownFindings())).toEqual(comparable(expected));
    });

    it('turns single rules on and off, and exports them as a config the command line reads', async () => {
      await page.selectOption('#preset', 'mtlint:recommended');
      await paste(SAMPLE);
      await page.click('#rules-panel summary');
      await page.uncheck('#rules input[value="currency-spacing"]');
      await page.check('#rules input[value="long-sentence"]');
      await settled();
      const shown = await shownFindings();
      expect(shown.some((finding) => finding.ruleId === 'currency-spacing')).toBe(false);
      expect(shown.some((finding) => finding.ruleId === 'long-sentence')).toBe(true);
      const config = await exportedConfig();
      expect(JSON.parse(readFileSync(config, 'utf8'))).toMatchObject({
        extends: 'mtlint:recommended',
        rules: { 'currency-spacing': 'off', 'long-sentence': 'warn' },
      });
      expect(comparable(shown)).toEqual(comparable(cliFindings(await pageText(), config)));
      await page.check('#rules input[value="currency-spacing"]');
      await page.uncheck('#rules input[value="long-sentence"]');
      await settled();
    });

    it.skipIf(!haveDev && !inCi)(
      'lints a translation against the source pane: the command line’s --source findings, drawn in both texts',
      async () => {
        const records = readFileSync(join(DEV, 'mqm_zhen.dev.jsonl'), 'utf8')
          .split('\n')
          .filter((line) => line.includes(CHANGED_NUMBER) || line.includes(KEPT_NUMBERS))
          .map((line) => JSON.parse(line) as { id: string; source: string; target: string });
        const changed = records.find((record) => record.id === CHANGED_NUMBER)!;
        const kept = records.find((record) => record.id === KEPT_NUMBERS)!;
        expect(changed.target).toContain('31.1 billion');
        const source = `${changed.source}\n\n${kept.source}\n`;
        const translation = `${changed.target}\n\n${kept.target}\n`;
        await page.selectOption('#preset', 'mtlint:recommended');
        await page.selectOption('#format', 'txt');
        await paste(translation);
        const config = await exportedConfig();
        const monolingual = cliFindings(translation, config);

        // Opened from the keyboard: the toggle says it is expanded and the source text area takes the focus.
        await page.focus('#source-toggle');
        await page.keyboard.press('Enter');
        expect(await page.getAttribute('#source-toggle', 'aria-expanded')).toBe('true');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('source');
        await page.keyboard.insertText(source);
        await settled();
        expect(await page.evaluate(() => window.mtlintPage?.lintedSource)).toBe(source);

        const expected = cliFindings(translation, config, 'translation.txt', source);
        const mismatch = expected.filter((finding) => finding.ruleId === 'number-mismatch');
        expect(mismatch.map((finding) => finding.message)).toEqual([
          'Unexpected `31.1 billion`, the source has `315.1亿`',
        ]);
        const shown = await shownFindings();
        expect(comparable(shown)).toEqual(comparable(expected));
        expect(shown.map((finding) => finding.fixable)).toEqual(expected.map((finding) => finding.fix !== undefined));
        // The correct pair, the second paragraph, stays quiet; the bilingual finding is drawn over `31.1 billion`.
        const secondParagraph = translation.indexOf(kept.target);
        expect(shown.filter((finding) => finding.offset >= secondParagraph)).toEqual([]);
        const marks = await page.$$eval('#highlights mark', (elements) => elements.map((mark) => mark.textContent));
        expect(marks).toContain('31.1 billion');

        // The source's number is drawn in the source pane, where the command line's related place says.
        const related = mismatch[0].relatedInformation?.find((place) => place.filePath !== undefined);
        expect(related).toBeDefined();
        const sourceLines = source.split('\n');
        const offsetOf = (line: number, column: number) =>
          sourceLines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
        const inSource = source.slice(
          offsetOf(related!.line, related!.column),
          offsetOf(related!.endLine, related!.endColumn),
        );
        expect(inSource).toBe('315.1亿');
        const sourceLayer = await page.$eval('#source-highlights', (element) => ({
          text: element.textContent,
          marks: [...element.querySelectorAll('mark')].map((mark) => mark.textContent),
        }));
        expect(sourceLayer).toEqual({ text: `${source}\n `, marks: [inSource] });
        // "Show in the source", from the keyboard, selects it there.
        const button = page.locator('#findings button.where-source');
        expect(await button.count()).toBe(1);
        expect(await button.getAttribute('aria-label')).toBe(
          `Show in the source: line ${related!.line}, column ${related!.column}`,
        );
        await button.focus();
        await page.keyboard.press('Enter');
        expect(
          await page.evaluate(() => {
            const area = document.getElementById('source') as HTMLTextAreaElement;
            return document.activeElement === area ? area.value.slice(area.selectionStart, area.selectionEnd) : null;
          }),
        ).toBe(inSource);
        // The exported config is still the rules alone: the source is no setting.
        expect(JSON.parse(readFileSync(await exportedConfig(), 'utf8'))).toEqual(
          JSON.parse(readFileSync(config, 'utf8')),
        );

        // The source language reaches the engine: with every rule on, `length-ratio` measures the pair as
        // Chinese (denser than English) and finds the lengths right, where unset it flagged both paragraphs.
        await page.selectOption('#preset', 'mtlint:all');
        await settled();
        const allConfig = await exportedConfig();
        const unset = cliFindings(translation, allConfig, 'translation.txt', source);
        expect(unset.filter((finding) => finding.ruleId === 'length-ratio')).toHaveLength(2);
        expect(comparable(await shownFindings())).toEqual(comparable(unset));
        await page.selectOption('#source-language', 'zh');
        await settled();
        const chinese = lint(translation, {
          source,
          sourceLanguage: 'zh',
          config: JSON.parse(readFileSync(allConfig, 'utf8')),
        }).findings;
        expect(chinese.some((finding) => finding.ruleId === 'length-ratio')).toBe(false);
        expect(comparable(await shownFindings())).toEqual(comparable(chinese));
        await page.selectOption('#source-language', '');
        await page.selectOption('#preset', 'mtlint:recommended');
        await settled();

        // A source with a paragraph more than the translation: a notice says so, and no pair is compared.
        await page.focus('#source');
        await page.keyboard.press('Control+End');
        await page.keyboard.insertText('\n第三段。\n');
        await settled();
        const unpaired = cliFindings(translation, config, 'translation.txt', await page.inputValue('#source'));
        const warning = unpaired.filter((finding) => finding.ruleId === 'format-warning');
        expect(warning).toHaveLength(1);
        // The page calls the pane's text `<source>` (the library's name for a source given as text).
        expect(await page.textContent('#notice')).toBe(
          warning[0].message.replace(join(work, 'source-translation.txt'), '<source>'),
        );
        expect(await page.isVisible('#notice')).toBe(true);
        expect(comparable(await shownFindings())).toEqual(
          comparable(unpaired.filter((finding) => finding.ruleId !== 'format-warning')),
        );
        expect(await page.textContent('#status')).not.toMatch(/failed/);

        // Cleared, the source is no longer used: the monolingual findings again, and nothing in the source pane.
        await page.focus('#source');
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        await settled();
        expect(await page.evaluate(() => window.mtlintPage?.lintedSource)).toBe('');
        const cleared = await shownFindings();
        expect(comparable(cleared)).toEqual(comparable(monolingual));
        expect(cleared.some((finding) => finding.ruleId === 'number-mismatch')).toBe(false);
        expect(await page.isVisible('#notice')).toBe(false);
        expect(await page.$$eval('#source-highlights mark', (elements) => elements.length)).toBe(0);

        // Closed with its text in it, the source is not used either.
        await page.keyboard.insertText(source);
        await settled();
        expect((await shownFindings()).some((finding) => finding.ruleId === 'number-mismatch')).toBe(true);
        await page.focus('#source-toggle');
        await page.keyboard.press('Enter');
        await settled();
        expect(await page.getAttribute('#source-toggle', 'aria-expanded')).toBe('false');
        expect(comparable(await shownFindings())).toEqual(comparable(monolingual));
      },
    );

    it.skipIf(!haveDev && !inCi)('fixes all against the source as `--fix --source` does', async () => {
      // A Russian→English segment of the dev set whose period 2010–2018 became 2010-2015.
      const record = readFileSync(join(DEV, 'mqm_bio_x2en.dev.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line.includes(CHANGED_YEAR))
        .map((line) => JSON.parse(line) as { id: string; source: string; target: string })
        .find((candidate) => candidate.id === CHANGED_YEAR)!;
      const [source, translation] = [`${record.source}\n`, `${record.target}\n`];
      await page.selectOption('#preset', 'mtlint:recommended');
      await paste(translation);
      await page.click('#source-toggle');
      // The pane keeps what the last test left in it: replaced, as a paste over a selection does.
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(source);
      await settled();
      const shown = await shownFindings();
      expect(shown.filter((finding) => finding.ruleId === 'number-mismatch' && finding.fixable)).toHaveLength(1);
      await page.evaluate(() => {
        window.mtlintPage!.fixAllApplied = undefined;
      });
      await page.click('#fix-all');
      await page.waitForFunction(() => window.mtlintPage?.fixAllApplied !== undefined, null, { timeout: 60_000 });
      await settled();
      writeFileSync(join(work, 'fix-source.txt'), source);
      writeFileSync(join(work, 'fix-translation.txt'), translation);
      const config = await exportedConfig();
      const fixed = runMtlint([
        '--fix-dry-run',
        '--format',
        'json',
        '--config',
        config,
        '--source',
        join(work, 'fix-source.txt'),
        join(work, 'fix-translation.txt'),
      ]);
      const output = (JSON.parse(fixed.stdout) as Array<{ output?: string }>)[0].output;
      expect(output).toContain('2010-2018');
      expect(await pageText()).toBe(output);
      await page.fill('#source', '');
      await page.click('#source-toggle');
      await settled();
    });

    it('passes contrast checks for its text and labels every control', async () => {
      const problems = await page.evaluate(() => {
        const luminance = (rgb: number[]) => {
          const [r, g, b] = rgb.map((value) => {
            const channel = value / 255;
            return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
        const background = (element: Element | null): number[] => {
          for (let node = element; node; node = node.parentElement) {
            const color = parse(getComputedStyle(node).backgroundColor);
            if (color.length === 3 || color[3] > 0) return color.slice(0, 3);
          }
          return [255, 255, 255];
        };
        const found: string[] = [];
        const selectors = [
          'h1',
          '.tagline',
          '.privacy',
          'button',
          'select',
          'label',
          '#status',
          '.finding .message',
          '.finding a',
          '.finding code',
          '.finding .where-source',
          '.source-pane .hint',
          '#source-heading',
          '#notice',
          'footer',
        ];
        for (const selector of selectors) {
          for (const element of document.querySelectorAll(selector)) {
            const [fg, bg] = [luminance(parse(getComputedStyle(element).color)), luminance(background(element))];
            const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
            if (ratio < 4.5) found.push(`${selector}: ${ratio.toFixed(2)}`);
          }
        }
        // The text stays readable over each highlight colour.
        const ink = luminance(parse(getComputedStyle(document.getElementById('text')!).color));
        for (const mark of document.querySelectorAll('#highlights mark')) {
          const bg = luminance(parse(getComputedStyle(mark).backgroundColor));
          const ratio = (Math.max(ink, bg) + 0.05) / (Math.min(ink, bg) + 0.05);
          if (ratio < 4.5) found.push(`mark: ${ratio.toFixed(2)}`);
        }
        for (const control of document.querySelectorAll('button, select, textarea, input, a')) {
          const name =
            control.getAttribute('aria-label') ?? control.closest('label')?.textContent ?? control.textContent;
          if (!name?.trim()) found.push(`unlabelled ${control.outerHTML.slice(0, 80)}`);
        }
        return found;
      });
      expect(problems).toEqual([]);
    });

    it('re-lints a 5,000-word article after each keystroke off the main thread, and reports how long it takes', async () => {
      const paragraphs = SAMPLE.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
      const parts: string[] = [];
      let words = 0;
      for (let index = 0; words < 5000; index++) {
        const paragraph = paragraphs[index % paragraphs.length];
        parts.push(paragraph);
        words += paragraph.split(/\s+/).filter(Boolean).length;
      }
      await page.selectOption('#preset', 'mtlint:recommended');
      await paste(parts.join('\n\n'));
      const engine: number[] = [];
      const roundTrip: number[] = [];
      for (let edit = 0; edit < 9; edit++) {
        await page.evaluate(
          (at) => {
            const area = document.getElementById('text') as HTMLTextAreaElement;
            area.setSelectionRange(at, at);
          },
          Math.floor(((edit + 1) / 10) * (await pageText()).length),
        );
        await page.keyboard.type('x');
        await settled();
        const timing = await page.evaluate(() => [
          window.mtlintPage!.lintMilliseconds,
          window.mtlintPage!.roundTripMilliseconds,
        ]);
        engine.push(timing[0]);
        roundTrip.push(timing[1]);
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
      console.log(
        `web re-lint of a ${words}-word article after an edit: engine median ${median(engine).toFixed(1)} ms (min ${Math.min(...engine).toFixed(1)}), edit → findings on screen median ${median(roundTrip).toFixed(1)} ms`,
      );
      // The goal is 100 ms (the figure is reported above and in the README); this bound only catches a
      // regression by an order of magnitude, as the test machines are shared and often heavily loaded.
      expect(median(engine)).toBeLessThan(2000);
      // The main thread stays free meanwhile: a timer set during a lint fires on time.
      await page.keyboard.type(' y');
      const lag = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            setTimeout(() => resolve(performance.now() - start - 10), 10);
          }),
      );
      expect(lag).toBeLessThan(50);
      await settled();
    });

    it('takes the screenshot the README shows', async () => {
      await page.selectOption('#preset', 'mtlint:recommended');
      await page.selectOption('#format', 'txt');
      await paste(SAMPLE);
      const index = (await shownFindings()).findIndex((finding) => finding.ruleId === 'spurious-number');
      await page.click(`#findings > li:nth-child(${index + 1}) .where`);
      // Showing a finding selects its text and scrolls it into view, drawn as the current one.
      const selected = await page.evaluate(() => {
        const area = document.getElementById('text') as HTMLTextAreaElement;
        const mark = document.querySelector('#highlights mark.current') as HTMLElement | null;
        return {
          text: area.value.slice(area.selectionStart, area.selectionEnd),
          visible:
            mark !== null && mark.offsetTop >= area.scrollTop && mark.offsetTop < area.scrollTop + area.clientHeight,
        };
      });
      expect(selected).toEqual({ text: '1500', visible: true });
      const path = existsSync(SCREENSHOT) && !process.env.MTLINT_UPDATE_SCREENSHOT ? join(work, 'web.png') : SCREENSHOT;
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      await page.screenshot({ path });
      expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    });

    it('made no network request: every URL it loaded was one of its own files or a blob it made', () => {
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('blob:'))).toEqual([]);
    });
  },
);
