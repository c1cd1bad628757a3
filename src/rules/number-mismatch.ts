/**
 * ## number-mismatch
 *
 * Bilingual: finds numbers that the translation changed, added or lost
 * compared with its source (`18th` for `24th`, `two weeks` for `三周`, a
 * figure dropped from a list). Numbers are compared by value, read the way
 * each language writes them: group and decimal marks of every locale
 * (`1.500`, `1 500`, `1,500`, `0,5`), scale words (`25万`, `3,5 Mio.`,
 * `2 млн`, `35 million`), Chinese numerals (`三千五百万`, `二〇二二`),
 * number words (`three`, `a dozen`, `fünfundzwanzig`, month names; `half`
 * also as `50%`),
 * percentages (`百分之五十`), ordinals, decades (`20世纪70年代` = the 1970s),
 * clock hours (`5:30 p.m.` = `17:30 Uhr`), German decades (`80er Jahre` =
 * the 1980s) and short year spans (`2019/20` = 2019–2020). A converted
 * measurement (°F to °C, feet to metres, `about a foot` to `30 cm`, miles to
 * kilometres, pounds to kilograms) is not a mismatch; a conversion goes from
 * the unit written on one side to the unit on the other (`12 ft.` is 3.66 m,
 * so `3,2 m` is reported), and `in` before a word (`336,000 in 2021`) is not
 * inches.
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
 * `mtlint:recommended`: on the dev MT output 23 of its 36 findings hit an
 * annotated span (64 %), and all 13 that hit none are audited
 * (`bench/eval/audit/number-mismatch.jsonl`): 11 are real changed figures
 * the raters left unmarked (`28.1%` for `28 (21%)`, `2010-2015` for
 * `2010–2018`, `1334` for `1 234`, `3 Fuß` for `12 ft.`), one is what a
 * human translator wrote (`obesity class 2` for `OII`) and one a human
 * translation that corrected a wrong source figure: 94 % of its findings
 * are real. It flags 1.6 clean human references per 1,000.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 36 findings on the dev MT output, rater precision 63.9 %, audited precision 94.4 % (0 unmatched unread); 0.24 false alarms per 10,000 words of clean English (1 findings, 0 audited real).
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

function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function readsAlike(a: NumberMention, b: NumberMention): boolean {
  return a.values.some((x) => b.values.some((y) => sameValue(x, y)));
}

type Dimension = 'temperature' | 'length' | 'weight' | 'volume' | 'area';

/**
 * A unit: what it measures and its size in that dimension's base unit
 * (metres, kilograms, litres, square metres); for temperature the scale, and
 * no scale for `degrees`, which may be either.
 */
interface Unit {
  dimension: Dimension;
  size?: number;
  scale?: 'F' | 'C';
}

const UNIT_WORDS: ReadonlyArray<[string, Unit]> = [
  ['fahrenheit', { dimension: 'temperature', scale: 'F' }],
  ['celsius centigrade', { dimension: 'temperature', scale: 'C' }],
  ['° degree degrees grad', { dimension: 'temperature' }],
  ['foot feet ft fuß', { dimension: 'length', size: 0.3048 }],
  ['inch inches in zoll', { dimension: 'length', size: 0.0254 }],
  ['yard yards yd', { dimension: 'length', size: 0.9144 }],
  ['mile miles mi meilen', { dimension: 'length', size: 1609.344 }],
  ['mm', { dimension: 'length', size: 0.001 }],
  ['cm centimeter centimeters centimetre centimetres', { dimension: 'length', size: 0.01 }],
  ['m meter meters metre metres', { dimension: 'length', size: 1 }],
  ['km kilometer kilometers kilometre kilometres', { dimension: 'length', size: 1000 }],
  ['ounce ounces oz unzen', { dimension: 'weight', size: 0.0283495 }],
  ['pound pounds lb lbs pfund', { dimension: 'weight', size: 0.45359237 }],
  ['g gram grams gramm', { dimension: 'weight', size: 0.001 }],
  ['kg kilogram kilograms kilo kilos kilogramm', { dimension: 'weight', size: 1 }],
  ['gallon gallons', { dimension: 'volume', size: 3.78541 }],
  ['l liter liters litre litres', { dimension: 'volume', size: 1 }],
  ['acre acres', { dimension: 'area', size: 4046.86 }],
  ['hectare hectares ha', { dimension: 'area', size: 10000 }],
];

/** Units after a figure (English and German), by their word. */
const UNITS = new Map<string, Unit>(
  UNIT_WORDS.flatMap(([words, unit]) => words.split(' ').map((word) => [word, unit])),
);

/** Chinese units, by the characters after a figure. */
const CJK_UNITS: ReadonlyArray<[RegExp, Unit]> = [
  [/^华氏/, { dimension: 'temperature', scale: 'F' }],
  [/^摄氏/, { dimension: 'temperature', scale: 'C' }],
  [/^度/, { dimension: 'temperature' }],
  [/^英尺/, { dimension: 'length', size: 0.3048 }],
  [/^英寸/, { dimension: 'length', size: 0.0254 }],
  [/^英里/, { dimension: 'length', size: 1609.344 }],
  [/^码/, { dimension: 'length', size: 0.9144 }],
  [/^(?:公里|千米)/, { dimension: 'length', size: 1000 }],
  [/^厘米/, { dimension: 'length', size: 0.01 }],
  [/^米/, { dimension: 'length', size: 1 }],
  [/^磅/, { dimension: 'weight', size: 0.45359237 }],
  [/^(?:公斤|千克)/, { dimension: 'weight', size: 1 }],
  [/^克/, { dimension: 'weight', size: 0.001 }],
  [/^加仑/, { dimension: 'volume', size: 3.78541 }],
  [/^升/, { dimension: 'volume', size: 1 }],
  [/^英亩/, { dimension: 'area', size: 4046.86 }],
  [/^公顷/, { dimension: 'area', size: 10000 }],
];

/** `in` after a figure is the preposition (`336,000 in 2021`) unless nothing follows it (`12 in.`). */
const PREPOSITION_IN = /^\s?in\s+[\p{L}\p{N}]/u;

/** The unit after a figure, if there is one. */
function unitOf(mention: NumberMention, text: string): Unit | undefined {
  const after = text.slice(mention.end);
  if (mention.unit !== undefined && !(mention.unit === 'in' && PREPOSITION_IN.test(after))) {
    const unit = UNITS.get(mention.unit);
    if (unit) return unit;
  }
  return CJK_UNITS.find(([pattern]) => pattern.test(after))?.[1];
}

/**
 * What a value in unit `from` is in unit `to`, for each reading of the two
 * units: a side with no unit may be any unit of the other side's dimension,
 * and `degrees` either scale. The same unit on both sides is no conversion.
 */
function conversions(from: Unit | undefined, to: Unit | undefined): Array<(value: number) => number> {
  const dimension = (from ?? to)?.dimension;
  // A length is never a weight: with both units given, they measure the same thing.
  if (!dimension || (from && to && from.dimension !== to.dimension)) return [];
  if (dimension === 'temperature') {
    const fromScales = from?.scale ? [from.scale] : ['F', 'C'];
    const toScales = to?.scale ? [to.scale] : ['F', 'C'];
    const out: Array<(value: number) => number> = [];
    if (fromScales.includes('F') && toScales.includes('C')) out.push((f) => ((f - 32) * 5) / 9);
    if (fromScales.includes('C') && toScales.includes('F')) out.push((c) => (c * 9) / 5 + 32);
    return out;
  }
  const sizes = (unit: Unit | undefined) =>
    unit?.size !== undefined
      ? [unit.size]
      : UNIT_WORDS.flatMap(([, other]) => (other.dimension === dimension && other.size ? [other.size] : []));
  return sizes(from).flatMap((fromSize) =>
    sizes(to)
      .filter((toSize) => toSize !== fromSize)
      .map((toSize) => (value: number) => (value * fromSize) / toSize),
  );
}

/**
 * `b` is `a` converted to another unit and rounded: a unit after at least
 * one of them, converted between units of what it measures (feet to metres,
 * never inches to degrees), and the values within 3 % (or rounding to a whole
 * number for figures of ten or more).
 */
function converted(a: NumberMention, b: NumberMention, aText: string, bText: string): boolean {
  const converts = conversions(unitOf(a, aText), unitOf(b, bText));
  for (const x of a.values) {
    for (const y of b.values) {
      if (y === 0) continue;
      for (const convert of converts) {
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
    recommended: true,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: true,
    needsTree: false,
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
    const counterpart = paired ? lost[index] : undefined;
    const related: RelatedPlace[] = [];
    if (counterpart) {
      const place = sourcePlace(source, counterpart.start, counterpart.end, `\`${counterpart.text}\` in the source`);
      if (place) related.push(place);
    }
    const numeral = /^[\d.,\u00a0\u202f\u2009 '’]*\d/.exec(mention.text)?.[0] ?? mention.text;
    // An ordinal suffix belongs to the old figure (`21st` must not become `24st`): such a figure is left to a person.
    const suffixed = /^\p{L}/u.test(mention.text.slice(numeral.length));
    const replacement =
      counterpart && added.length === 1 && !mention.scaled && !mention.identifier && !suffixed
        ? formatFor(counterpart, context.language)
        : undefined;
    context.report({
      flat,
      from: mention.start,
      to: mention.end,
      message: counterpart
        ? `Unexpected \`${mention.text}\`, the source has \`${counterpart.text}\``
        : `Unexpected \`${mention.text}\`, the source has no such number`,
      actual: mention.text,
      expected: counterpart ? [counterpart.text] : [],
      fix:
        replacement && replacement !== numeral ? { to: mention.start + numeral.length, text: replacement } : undefined,
      related,
    });
  });
  if (paired || !options.missing) return;
  for (const mention of lost) {
    const place = sourcePlace(source, mention.start, mention.end, `\`${mention.text}\` in the source`);
    context.report({
      flat,
      from: 0,
      to: flat.text.length,
      message: `Missing \`${mention.text}\`: the source has it, the translation does not`,
      expected: [mention.text],
      related: place ? [place] : [],
    });
  }
}
