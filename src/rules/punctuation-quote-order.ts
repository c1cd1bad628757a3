/**
 * ## punctuation-quote-order
 *
 * House style for a comma or full stop next to a closing quotation mark.
 * American style puts them inside: `“core,” he said`, never `“core”,`.
 * British style puts them inside only when they belong to the quotation, so a
 * quoted word or short lower-case phrase takes them outside: `the “core”, it
 * said`, not `the “core,” it said`. Question and exclamation marks follow the
 * sense in both styles and are left alone. Apostrophes (`the boys’.`) are not
 * closing marks.
 *
 * MT mixes both orders in one text, and each source language brings its own.
 * By default (`"style": "consistent"`) a document that keeps to one order is
 * left alone, whichever it is, and in a document that mixes them the order it
 * uses less is reported (on a tie, the marks outside), with a place that uses
 * the other. To enforce a house style, set `"style": "american"` or
 * `"british"`. Off by default. English only: German and other languages have
 * their own fixed order.
 *
 * Fix: swap the mark and the closing quotation mark.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; 4 findings on the dev MT output, rater precision 75.0 %, audited precision 75.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   “We will not stop,” the group said. It is “core.” The boys’. “Why?”.
 *
 * @example {"name": "ok-british.txt"}
 *   He called it a “technology alliance”, they said. The “core”, it added, is the “base”.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   It is the “alliance”, they said; the “core”, it added, and the “base,” they agreed.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:69-1:71: Unexpected `,”`, expected `”,` as elsewhere in this document
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   It is the “alliance”, they said; the “core”, it added, and the “base”, they agreed.
 *
 * @example {"name": "not-ok-american.txt", "label": "input", "config": {"style": "american"}}
 *   “We will not stop”, the group said. It is a “core”.
 *
 * @example {"name": "not-ok-american.txt", "label": "output"}
 *   1:18-1:20: Unexpected `”,`, expected `,”`
 *   1:50-1:52: Unexpected `”.`, expected `.”`
 *
 * @example {"name": "not-ok-american.txt", "label": "fixed"}
 *   “We will not stop,” the group said. It is a “core.”
 *
 * @example {"name": "not-ok-british.txt", "label": "input", "config": {"style": "british"}}
 *   He called it “core,” and said: “We will not stop.”
 *
 * @example {"name": "not-ok-british.txt", "label": "output"}
 *   1:19-1:21: Unexpected `,”`, expected `”,`
 *
 * @example {"name": "not-ok-british.txt", "label": "fixed"}
 *   He called it “core”, and said: “We will not stop.”
 */
import type { FlatText } from '../nlcst/flat.js';
import { defineDocumentRule, fromFlat, type Report } from '../shared/rule.js';
import { type QuoteAnalysis, quotesOf } from '../text/quotes.js';

interface Options {
  /**
   * `consistent`: the order the document uses less; `american`: `,”` and `.”`;
   * `british`: `”,` and `”.` after a quoted word or phrase.
   */
  style: string;
}

export default defineDocumentRule<Options, Record<Kind, Place[]>>(
  {
    id: 'punctuation-quote-order',
    description:
      'Comma or full stop on both sides of closing quotation marks in one document, or against a house style',
    category: 'quotes',
    recommended: false,
    defaultSeverity: 'warn',
    fixable: true,
    needsTree: false,
    defaultOptions: { style: 'consistent' },
    optionValues: { style: ['consistent', 'american', 'british'] },
  },
  {
    /** Marks inside (`,”`) and outside (`”,`) after quoted fragments and after quoted sentences, in the whole document. */
    state: (): Record<Kind, Place[]> => ({
      fragmentInside: [],
      fragmentOutside: [],
      sentenceInside: [],
      sentenceOutside: [],
    }),
    chunk(tree, context, _options, places) {
      // German and most other languages have their own fixed order (`„…“, sagte er`).
      if (context.language !== 'en') return;
      const { flats, analyses } = quotesOf(tree, context.language);
      analyses.forEach((analysis, index) => {
        const flat = flats[index];
        const text = analysis.text;
        for (const pair of analysis.pairs) {
          const close = pair.close.index;
          const before = text[close - 1];
          if (
            (before === ',' || before === '.') &&
            !(before === '.' && /\.\.$/.test(text.slice(close - 3, close - 1)))
          ) {
            const kind = isFragment(analysis, pair.open.index, close - 1) ? 'fragmentInside' : 'sentenceInside';
            places[kind].push(placeOf(flat, close - 1, close + 1, before + text[close], text[close] + before));
          }
          const mark = text[close + 1];
          if (mark !== ',' && mark !== '.') continue;
          // `“Why?”.` and `“etc.”.`: the quotation already ends with its own mark.
          if (/[.?!…]/.test(before ?? '')) continue;
          if (mark === '.' && text[close + 2] === '.') continue; // an ellipsis
          const kind = isFragment(analysis, pair.open.index, close) ? 'fragmentOutside' : 'sentenceOutside';
          places[kind].push(placeOf(flat, close, close + 2, text[close] + mark, mark + text[close]));
        }
      });
    },
    // The house style is decided by the whole document: reports wait for the last chunk.
    end(context, options, places) {
      if (options.style === 'british') for (const place of places.fragmentInside) report(place);
      else if (options.style === 'american')
        for (const place of [...places.fragmentOutside, ...places.sentenceOutside].sort(byOffset)) report(place);
      else {
        // The house style is the one that fits most of the document (on a tie, the first listed);
        // what it does not fit is reported, with a place of the same kind written the other way.
        const count = (style: Style) => STYLES[style].reduce((sum, kind) => sum + places[kind].length, 0);
        const style = (Object.keys(STYLES) as Style[]).reduce((best, next) =>
          count(next) > count(best) ? next : best,
        );
        const odd = (Object.keys(places) as Kind[]).filter((kind) => !STYLES[style].includes(kind));
        const model = (kind: Kind): Place | undefined =>
          places[OPPOSITE[kind]][0] ?? STYLES[style].map((fit) => places[fit][0]).find(Boolean);
        for (const place of odd
          .flatMap((kind) => places[kind].map((one) => [one, kind] as const))
          .sort((a, b) => byOffset(a[0], b[0])))
          report(place[0], model(place[1]));
      }

      function report(place: Place, model?: Place): void {
        context.report({
          ...place,
          message: `Unexpected \`${place.actual}\`, expected \`${place.expected?.[0]}\`${model ? ' as elsewhere in this document' : ''}`,
          related: model ? [{ message: `\`${model.actual}\` here`, start: model.start, end: model.end }] : undefined,
        });
      }
    },
  },
);

type Kind = 'fragmentInside' | 'fragmentOutside' | 'sentenceInside' | 'sentenceOutside';
type Style = 'american' | 'british' | 'outside';

/** The marks each house style writes: British logical punctuation keeps a quoted sentence's mark inside. */
const STYLES: Readonly<Record<Style, readonly Kind[]>> = {
  american: ['fragmentInside', 'sentenceInside'],
  british: ['fragmentOutside', 'sentenceInside'],
  outside: ['fragmentOutside', 'sentenceOutside'],
};
const OPPOSITE: Readonly<Record<Kind, Kind>> = {
  fragmentInside: 'fragmentOutside',
  fragmentOutside: 'fragmentInside',
  sentenceInside: 'sentenceOutside',
  sentenceOutside: 'sentenceInside',
};

function byOffset(a: Place, b: Place): number {
  return a.start - b.start;
}

/** A mark and its quotation mark, as a finding mapped to offsets (its message is written once the style is known). */
type Place = Report;

function placeOf(flat: FlatText, from: number, to: number, actual: string, expected: string): Place {
  return fromFlat({ flat, from, to, message: '', actual, expected: [expected], fix: expected });
}

/** A quoted word or short lower-case phrase, not a quoted sentence. */
function isFragment(analysis: QuoteAnalysis, open: number, end: number): boolean {
  const content = analysis.text.slice(open + 1, end).trim();
  if (content.length === 0 || !/^\p{Ll}/u.test(content)) return false;
  return content.split(/\s+/).length <= 4;
}
