/**
 * ## number-mismatch
 *
 * Bilingual: finds numbers that the translation changed, added or lost
 * compared with its source (`18th` for `24th`, `two weeks` for `三周`, a
 * figure dropped from a list). Numbers are compared by value, read the way
 * each language writes them: group and decimal marks of every locale
 * (`1.500`, `1 500`, `1,500`, `0,5`), scale words (`25万`, `3,5 Mio.`,
 * `2 млн`, `35 million`), Chinese numerals (`三千五百万`, `二〇二二`),
 * number words (`three`, `a dozen`, `fünfundzwanzig`, month names),
 * percentages (`百分之五十`), ordinals, decades (`20世纪70年代` = the 1970s),
 * and clock hours (`3 p.m.` = `15 Uhr`). A converted measurement (°F to °C,
 * feet to metres, miles to kilometres, pounds to kilograms) is not a
 * mismatch.
 *
 * Only figures written in digits are reported: number words and Chinese
 * numerals are read to match a figure on the other side, because they are
 * also idioms (`一个`, `one of them`) that a good translation leaves out. A
 * figure in the translation that no reading of the source has is reported
 * on the figure, with the source number it most likely replaced as the
 * related place; a source figure the translation lacks altogether is
 * reported on the whole paragraph. When exactly one figure differs on each
 * side, both plain numbers, `--fix` writes the source number in the target
 * language's format.
 *
 * A source figure the translation lacks is reported (on the whole
 * paragraph) only with `{"missing": true}`: raters mark an omission on the
 * source side, so such a finding can never be scored, and human
 * translations legitimately drop or convert figures (`12 ft.` as `vier
 * Meter`).
 *
 * Does nothing where a paragraph has no source (target-only input). In
 * `mtlint:strict`, not recommended: on the dev MT output 21 of its 33
 * findings hit an annotated span (64 %), and of the 12 that hit none, 10 are
 * real changed figures the raters left unmarked (`28.1%` for `28 (21%)`,
 * `2010-2015` for `2010–2018`, `1334` for `1 234`), the other two what a
 * human translator wrote (`30cm` for `a foot`, `class 2` for `OII`): about
 * 94 % of its findings are real. It flags 1.6 clean human references per
 * 1,000.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; 33 findings on the dev MT output, rater precision 63.6 %, audited precision 63.6 % (12 unmatched unread); 0.24 false alarms per 10,000 words of clean English (1 findings, 0 audited real).
 *
 * @example {"name": "ok.txt", "label": "source", "language": "zh"}
 *   2022年，该公司在全国开设了三千五百万个账户，增长了25%。
 *
 * @example {"name": "ok.txt", "language": "en"}
 *   In 2022, the company opened 35 million accounts nationwide, an increase of 25 percent.
 *
 * @example {"name": "ok-conversion.txt", "label": "source", "language": "en"}
 *   It will raise itself to 115 Fahrenheit for two days.
 *
 * @example {"name": "ok-conversion.txt", "language": "de"}
 *   Es erhöht sich zwei Tage lang auf 46 Grad Celsius.
 *
 * @example {"name": "not-ok.txt", "label": "source", "language": "de"}
 *   Die Studie lief vom 24. März bis zum 3. Mai und umfasste 1.500 Patienten.
 *
 * @example {"name": "not-ok.txt", "label": "input", "language": "en"}
 *   The study ran from March 18 to May 3 and included 1,500 patients.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:26-1:28: Unexpected `18`, the source has `24`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   The study ran from March 24 to May 3 and included 1,500 patients.
 */
import type { Paragraph } from 'nlcst';
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule, type RelatedPlace, type RuleContext } from '../shared/rule.js';
import { sourceOf, sourcePlace } from '../text/bilingual.js';
import { type NumberMention, readNumbers } from '../text/number-reading.js';

export interface NumberMismatchOptions {
  /** Report source figures the translation lacks (on the whole paragraph). */
  missing: boolean;
}

/** Unit conversions a translator makes (both ways): °F ↔ °C, imperial ↔ metric. */
const CONVERSIONS: ReadonlyArray<(value: number) => number> = [
  (f) => ((f - 32) * 5) / 9,
  (c) => (c * 9) / 5 + 32,
  ...[0.3048, 1.609344, 2.54, 0.45359237, 3.78541, 28.3495, 0.9144, 2.58999, 0.404686].flatMap((factor) => [
    (value: number) => value * factor,
    (value: number) => value / factor,
  ]),
];

function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function readsAlike(a: NumberMention, b: NumberMention): boolean {
  return a.values.some((x) => b.values.some((y) => sameValue(x, y)));
}

/** Units of temperature, length, weight and volume, after a figure (English and German; Chinese by character). */
const MEASURES = new Set(
  (
    '° degree degrees grad celsius fahrenheit centigrade foot feet ft fuß meter meters metre metres m km kilometer ' +
    'kilometers kilometre kilometres mile miles mi meilen inch inches in zoll cm centimeter centimeters centimetres ' +
    'mm pound pounds lb lbs kg kilogram kilograms kilo kilos kilogramm ounce ounces oz g gram grams gramm gallon ' +
    'gallons liter liters litre litres l yard yards yd acre acres hectare hectares ha pfund unzen'
  ).split(' '),
);
const CJK_MEASURE = /^(?:华氏|摄氏|度|英尺|英寸|英里|公里|千米|米|厘米|磅|公斤|千克|克|加仑|升|码|英亩|公顷)/;

function isMeasure(mention: NumberMention, text: string): boolean {
  return (mention.unit !== undefined && MEASURES.has(mention.unit)) || CJK_MEASURE.test(text.slice(mention.end));
}

/**
 * `b` is `a` converted to another unit and rounded: a unit of measurement
 * after at least one of them, and the values within 3 % (or rounding to a
 * whole number for figures of ten or more).
 */
function converted(a: NumberMention, b: NumberMention, aText: string, bText: string): boolean {
  if (!isMeasure(a, aText) && !isMeasure(b, bText)) return false;
  for (const x of a.values) {
    for (const y of b.values) {
      if (y === 0) continue;
      for (const convert of CONVERSIONS) {
        const value = convert(x);
        const tolerance = Math.max(Math.abs(y) * 0.03, Math.abs(y) >= 10 ? 0.5 : 0);
        if (Math.abs(value - y) <= tolerance) return true;
      }
    }
  }
  return false;
}

function matched(mention: NumberMention, text: string, others: readonly NumberMention[], otherText: string): boolean {
  return others.some((other) => readsAlike(mention, other) || converted(other, mention, otherText, text));
}

/** The source number written for the target language (`1500` → `1,500` in English, `1.500` in German). */
function formatFor(source: NumberMention, language: string): string | undefined {
  if (source.values.length !== 1 || source.scaled || source.identifier) return undefined;
  const value = source.values[0];
  try {
    return new Intl.NumberFormat(language, { useGrouping: source.grouped, maximumFractionDigits: 20 }).format(value);
  } catch {
    return undefined;
  }
}

export default defineRule<NumberMismatchOptions>(
  {
    id: 'number-mismatch',
    description: 'Bilingual: a number in the translation that the source does not have, or one of the source lost',
    category: 'numbers',
    recommended: false,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: true,
    defaultOptions: { missing: false },
  },
  (tree, context, options) => {
    for (const paragraph of paragraphsOf(tree)) checkParagraph(paragraph, context, options);
  },
);

function checkParagraph(paragraph: Paragraph, context: RuleContext, options: Readonly<NumberMismatchOptions>): void {
  const source = sourceOf(paragraph, context);
  if (!source) return;
  const flat = flatten(paragraph);
  const sourceNumbers = readNumbers(source.text, source.language);
  const targetNumbers = readNumbers(flat.text, context.language);
  // Figures inside names (`COVID-19`, `ACE2`, `kg/m2`) are read for matching, never reported.
  const reportable = (mention: NumberMention) => mention.digits && !mention.identifier && !mention.soft;
  const added = targetNumbers.filter(
    (mention) => reportable(mention) && !matched(mention, flat.text, sourceNumbers, source.text),
  );
  const lost = sourceNumbers.filter(
    (mention) => reportable(mention) && !matched(mention, source.text, targetNumbers, flat.text),
  );
  // Figures that differ on both sides in equal numbers are taken as changed, pairwise in order.
  const paired = added.length === lost.length;
  added.forEach((mention, index) => {
    const start = flat.startAt(mention.start);
    const end = flat.endAt(mention.end);
    const counterpart = paired ? lost[index] : undefined;
    const related: RelatedPlace[] = [];
    if (counterpart) {
      const place = sourcePlace(source, counterpart.start, counterpart.end, `\`${counterpart.text}\` in the source`);
      if (place) related.push(place);
    }
    const numeral = /^[\d.,\u00a0\u202f\u2009 '’]*\d/.exec(mention.text)?.[0] ?? mention.text;
    const replacement =
      counterpart && added.length === 1 && !mention.scaled && !mention.identifier
        ? formatFor(counterpart, context.language)
        : undefined;
    context.report({
      start,
      end,
      message: counterpart
        ? `Unexpected \`${mention.text}\`, the source has \`${counterpart.text}\``
        : `Unexpected \`${mention.text}\`, the source has no such number`,
      actual: mention.text,
      expected: counterpart ? [counterpart.text] : [],
      fix:
        replacement && replacement !== numeral
          ? { range: [start, flat.endAt(mention.start + numeral.length)], text: replacement }
          : undefined,
      related,
    });
  });
  if (paired || !options.missing) return;
  const start = flat.startAt(0);
  const end = flat.endAt(flat.text.length);
  for (const mention of lost) {
    const place = sourcePlace(source, mention.start, mention.end, `\`${mention.text}\` in the source`);
    context.report({
      start,
      end,
      message: `Missing \`${mention.text}\`: the source has it, the translation does not`,
      expected: [mention.text],
      related: place ? [place] : [],
    });
  }
}
