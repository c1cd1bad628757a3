/**
 * ## dash-style
 *
 * House style for dashes between clauses. Always flagged: a spaced hyphen
 * used as a dash (`word - word`) and a double hyphen (`word -- word`,
 * `word--word`), typewriter stand-ins for a real dash in every language.
 * With `style` set, the rule also enforces the house's dash:
 *
 * - `"em"`: unspaced em dash, `word—word` (Chicago, most US publishers);
 * - `"em-spaced"`: spaced em dash, `word — word` (AP, Russian);
 * - `"en-spaced"`: spaced en dash, `word – word` (most British publishers,
 *   German, French);
 * - `"auto"` (default): any real dash is accepted; the stand-ins are fixed
 *   to the dash the document already uses most, or to the language's usual
 *   one (`—` for English, ` — ` for Russian, ` – ` for German and most other
 *   European languages).
 *
 * Not flagged: hyphens in words, minus signs and ranges between numbers
 * (`5 - 3`, `2010 - 2015`), list bullets at the start of a line, command-line
 * options (`--fix`), HTML comments (`<!--`), and unspaced en dashes, which
 * join ranges and compounds (`Paris–Berlin`).
 *
 * Off by default (house style). Fix: the house dash with its spacing.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; 641 findings on the dev MT output, rater precision 49.8 %, audited precision 54.9 % (0 unmatched unread); 8.32 false alarms per 10,000 words of clean English (41 findings, 6 audited real).
 *
 * @example {"name": "ok.txt"}
 *   A well-known group—Viasna—said so in 2010–2015, and 5 - 3 is 2. Run it with --fix.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   It was loud - really loud -- and then it stopped--for now.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:12-1:15: Unexpected ` - ` used as a dash, expected `—`
 *   1:26-1:30: Unexpected ` -- ` used as a dash, expected `—`
 *   1:49-1:51: Unexpected `--` used as a dash, expected `—`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   It was loud—really loud—and then it stopped—for now.
 *
 * @example {"name": "not-ok-en.txt", "label": "input", "config": {"style": "en-spaced"}}
 *   The group—Viasna—said so — and left.
 *
 * @example {"name": "not-ok-en.txt", "label": "output"}
 *   1:10-1:11: Unexpected `—`, expected ` – `
 *   1:17-1:18: Unexpected `—`, expected ` – `
 *   1:25-1:28: Unexpected ` — `, expected ` – `
 *
 * @example {"name": "not-ok-en.txt", "label": "fixed"}
 *   The group – Viasna – said so – and left.
 *
 * @example {"name": "ok-spaced.txt", "config": {"style": "en-spaced"}}
 *   The group – Viasna – said so in 2010–2015.
 *
 * @example {"name": "not-ok.md", "label": "input"}
 *   The *group* said so -- and left.
 *
 * @example {"name": "not-ok.md", "label": "output"}
 *   1:20-1:24: Unexpected ` -- ` used as a dash, expected `—`
 *
 * @example {"name": "not-ok.md", "label": "fixed"}
 *   The *group* said so—and left.
 */
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineDocumentRule, fromFlat, type Report } from '../shared/rule.js';
import { isDigit, isInlineSpace, isLineBreak, isTechnicalToken, tokenAround } from '../text/punctuation.js';

export type DashStyle = 'auto' | 'em' | 'em-spaced' | 'en-spaced';

export interface DashStyleOptions {
  style: DashStyle;
}

const FORMS: Readonly<Record<Exclude<DashStyle, 'auto'>, string>> = {
  em: '—',
  'em-spaced': ' — ',
  'en-spaced': ' – ',
};

/** The usual dash of a language when the document shows no preference. */
function languageDefault(language: string): Exclude<DashStyle, 'auto'> {
  if (language === 'en') return 'em';
  if (language === 'ru' || language === 'uk' || language === 'be' || language === 'bg' || language === 'pl')
    return 'em-spaced';
  return 'en-spaced';
}

interface Dash {
  /** Start of the dash with its surrounding spaces. */
  from: number;
  to: number;
  /** The dash itself. */
  dash: string;
  spaced: boolean;
}

/** What a document shows of its dash style: the dashes of each form, and the stand-ins that wait for the verdict. */
interface DashState {
  counts: Record<Exclude<DashStyle, 'auto'>, number>;
  /** `-`, `--` used as dashes, reported in `end` once the document's style is known (offsets, not flat text). */
  standIns: Report[];
}

export default defineDocumentRule<DashStyleOptions, DashState>(
  {
    id: 'dash-style',
    description: 'Spaced hyphens and `--` used as dashes, and dashes against the house style',
    category: 'punctuation',
    recommended: false,
    defaultSeverity: 'warn',
    fixable: true,
    needsTree: false,
    defaultOptions: { style: 'auto' },
    optionValues: { style: ['auto', 'em', 'em-spaced', 'en-spaced'] },
  },
  {
    state: () => ({ counts: { em: 0, 'em-spaced': 0, 'en-spaced': 0 }, standIns: [] }),
    // A chosen style is known at once; `auto` takes the document's most used dash, so stand-ins wait for `end`.
    chunk(tree, context, options, state) {
      const enforced = options.style === 'auto' ? undefined : FORMS[options.style as Exclude<DashStyle, 'auto'>];
      for (const paragraph of paragraphsOf(tree)) {
        const flat = flatten(paragraph);
        const text = flat.text;
        for (const dash of dashesIn(text)) {
          const current: Exclude<DashStyle, 'auto'> | undefined =
            dash.dash === '—' ? (dash.spaced ? 'em-spaced' : 'em') : dash.dash === '–' ? 'en-spaced' : undefined;
          if (current) state.counts[current]++;
          const actual = text.slice(dash.from, dash.to);
          if (current === undefined) {
            const place = fromFlat({ flat, from: dash.from, to: dash.to, message: '', actual, fix: '' });
            if (enforced === undefined) state.standIns.push(place);
            else context.report(standInReport(place, enforced));
          } else if (enforced !== undefined && FORMS[current] !== enforced) {
            context.report({
              flat,
              from: dash.from,
              to: dash.to,
              message: `Unexpected \`${actual}\`, expected \`${enforced}\``,
              actual,
              expected: [enforced],
              fix: enforced,
            });
          }
        }
      }
    },
    end(context, _options, state) {
      const { counts } = state;
      const ranked = (Object.keys(counts) as Array<Exclude<DashStyle, 'auto'>>).sort((a, b) => counts[b] - counts[a]);
      const form = FORMS[counts[ranked[0]] > 0 ? ranked[0] : languageDefault(context.language)];
      for (const place of state.standIns) context.report(standInReport(place, form));
    },
  },
);

/** The finding for a stand-in dash (`place`, mapped with an empty fix text) once the expected `form` is known. */
function standInReport(place: Report, form: string): Report {
  return {
    ...place,
    message: `Unexpected \`${place.actual}\` used as a dash, expected \`${form}\``,
    expected: [form],
    fix: place.fix && { range: place.fix.range, text: form },
  };
}

/** Dashes and dash stand-ins between words, with the spaces around them. */
function* dashesIn(text: string): Generator<Dash> {
  // End of the last dash yielded: its trailing spaces are not the next one's leading spaces (` -  - `).
  let taken = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char !== '-' && char !== '—' && char !== '–') continue;
    let end = index + 1;
    while (text[end] === '-' && end - index < 3) end++;
    const dash = text.slice(index, end);
    if (char === '-' && (dash.length > 2 || text[end] === '-' || text[end] === '>' || text[index - 1] === '-')) {
      while (text[end] === '-') end++;
      index = end - 1;
      continue;
    }
    if (char === '-' && text[index - 1] === '!') continue; // `<!--`
    let from = index;
    while (from > taken && isInlineSpace(text[from - 1])) from--;
    let to = end;
    while (to < text.length && isInlineSpace(text[to])) to++;
    const spacedBefore = from < index;
    const spacedAfter = to > end;
    const at = index;
    index = end - 1;
    // Line starts (bullets), line ends and paragraph edges.
    if (from === 0 || to === text.length || isLineBreak(text[from - 1]) || isLineBreak(text[to])) continue;
    const before = text[from - 1];
    const after = text[to];
    if (dash === '-') {
      // Only a hyphen with a space on both sides stands in for a dash; not a minus between numbers.
      if (!spacedBefore || !spacedAfter) continue;
      if (isDigit(before) || isDigit(after) || after === '$' || after === '€' || after === '£') continue;
    } else if (dash === '--') {
      // `--fix`: an option, not a dash.
      if (spacedBefore && !spacedAfter) continue;
      if (isDigit(before) && isDigit(after)) continue;
      if (isTechnicalToken(tokenAround(text, at).token)) continue;
    } else if (dash === '–' && !spacedBefore && !spacedAfter) {
      continue; // ranges and compounds
    } else if (spacedBefore !== spacedAfter) {
      continue; // `word —word`: unclear, leave it
    }
    if (isDigit(before) && isDigit(after) && dash !== '—') continue;
    const spaced = spacedBefore && spacedAfter;
    taken = spaced ? to : end;
    yield { from: spaced ? from : at, to: taken, dash, spaced };
  }
}
