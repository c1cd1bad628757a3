/**
 * ## invariants
 *
 * Bilingual: finds what a translation must carry over unchanged but did not:
 * URLs, e-mail addresses, @handles, placeholders (`{name}`, `{{name}}`,
 * `%s`, `%1$d`, `%(name)s`, `${name}`, the argument names of ICU messages
 * such as `{count, plural, …}`) and inline tags (`<b>`, `</a>`, `<x id="1"/>`).
 * Each one in the translation that the source lacks is reported where it
 * is; each one of the source that the translation lacks is reported on the
 * whole paragraph, with the source's as the related place.
 *
 * A printf conversion counts only when no letter or digit touches it (`70% of` and
 * `11% gestiegen` are not placeholders). Compared as written, except that a URL's trailing `/` and the case of an
 * e-mail address do not matter. Does nothing where a paragraph has no source.
 *
 * In `mtlint:recommended`: all 10 of its findings on the dev MT output hit
 * an annotated span (the dev data has few placeholders; localisation files
 * have many, and a broken placeholder breaks the program that shows it).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 10 findings on the dev MT output, rater precision 100.0 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "ok.txt", "label": "source", "language": "de"}
 *   Hallo {name}, Sie haben %d neue Nachrichten. Mehr unter https://example.com/hilfe.
 *
 * @example {"name": "ok.txt", "language": "en"}
 *   Hello {name}, you have %d new messages. More at https://example.com/hilfe.
 *
 * @example {"name": "not-ok.txt", "label": "source", "language": "de"}
 *   Hallo {name}, Sie haben %d neue Nachrichten.
 *
 * @example {"name": "not-ok.txt", "label": "input", "language": "en"}
 *   Hello {nom}, you have %d new messages.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:1-1:39: Missing `{name}`: the source has this placeholder, the translation does not
 *   1:7-1:12: Unexpected `{nom}`, the source has no such placeholder
 */
import type { Paragraph } from 'nlcst';
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule, type RelatedPlace, type RuleContext } from '../shared/rule.js';
import { sourceOf, sourcePlace } from '../text/bilingual.js';

type InvariantKind = 'URL' | 'e-mail address' | 'handle' | 'placeholder' | 'tag';

interface Invariant {
  kind: InvariantKind;
  start: number;
  end: number;
  text: string;
  /** What is compared. */
  key: string;
}

const PATTERNS: ReadonlyArray<[InvariantKind, RegExp]> = [
  ['URL', /\b(?:https?:\/\/|www\.)[^\s<>"'“”«»（）()]+/giu],
  ['e-mail address', /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu],
  ['handle', /(?<![\w.@/])@[A-Za-z0-9_]{2,30}\b/g],
  [
    'placeholder',
    /\{\{\s*[\w.]+\s*\}\}|\$\{[\w.]+\}|\{[\w.]+\}|\{\s*[\w]+\s*,\s*(?:plural|select|selectordinal|number|date|time)\b|(?<![\p{L}\p{N}%])%(?:\d+\$)?[-+0#]*\d*(?:\.\d+)?[sdifuxXeEgGc@](?![\p{L}\p{N}])|%\(\w+\)[sdif]/gu,
  ],
  ['tag', /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>/g],
];

/** The invariants of a text, in order; a URL's trailing full stop or comma is the sentence's. */
export function invariantsOf(text: string): Invariant[] {
  const found: Invariant[] = [];
  const taken: Array<[number, number]> = [];
  for (const [kind, pattern] of PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      let value = match[0];
      const start = match.index ?? 0;
      if (kind === 'URL') value = withoutTrailingPunctuation(value);
      const end = start + value.length;
      // An e-mail address is not also a handle; a URL holds no other invariant.
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      taken.push([start, end]);
      found.push({ kind, start, end, text: value, key: keyOf(kind, value) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A URL without the sentence's punctuation after it (a loop: a `[.,]+$` regex backtracks on long runs). */
function withoutTrailingPunctuation(value: string): string {
  let end = value.length;
  while (end > 0 && '.,;:!?'.includes(value[end - 1])) end--;
  return value.slice(0, end);
}

function keyOf(kind: InvariantKind, value: string): string {
  if (kind === 'URL') return value.replace(/\/$/, '');
  if (kind === 'e-mail address') return value.toLowerCase();
  // `{count, plural` is compared by its argument name.
  const icu = /^\{\s*(\w+)\s*,/.exec(value);
  if (kind === 'placeholder' && icu) return `{${icu[1]}}`;
  return value;
}

export default defineRule(
  {
    id: 'invariants',
    description: 'Bilingual: URLs, e-mail addresses, @handles, placeholders and tags that differ from the source',
    category: 'style',
    recommended: true,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: false,
    needsTree: false,
    defaultOptions: {},
  },
  (tree, context) => {
    for (const paragraph of paragraphsOf(tree)) checkParagraph(paragraph, context);
  },
);

function checkParagraph(paragraph: Paragraph, context: RuleContext): void {
  const source = sourceOf(paragraph, context);
  if (!source) return;
  const flat = flatten(paragraph);
  const theirs = invariantsOf(source.text);
  const ours = invariantsOf(flat.text);
  if (theirs.length === 0 && ours.length === 0) return;
  const remaining = new Map<string, number>();
  for (const item of theirs) remaining.set(item.key, (remaining.get(item.key) ?? 0) + 1);
  for (const item of ours) {
    const left = remaining.get(item.key) ?? 0;
    if (left > 0) {
      remaining.set(item.key, left - 1);
      continue;
    }
    context.report({
      flat,
      from: item.start,
      to: item.end,
      message: `Unexpected \`${item.text}\`, the source has no such ${item.kind}`,
      actual: item.text,
    });
  }
  const missing = new Map(remaining);
  for (const item of theirs) {
    const left = missing.get(item.key) ?? 0;
    if (left === 0) continue;
    missing.set(item.key, left - 1);
    const place = sourcePlace(source, item.start, item.end, `\`${item.text}\` in the source`);
    const related: RelatedPlace[] = place ? [place] : [];
    context.report({
      flat,
      from: 0,
      to: flat.text.length,
      message: `Missing \`${item.text}\`: the source has this ${item.kind}, the translation does not`,
      expected: [item.text],
      related,
    });
  }
}
