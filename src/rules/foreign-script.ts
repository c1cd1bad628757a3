/**
 * ## foreign-script
 *
 * Finds runs of another writing system in prose written in a Latin script:
 * Cyrillic, Chinese, Japanese, Korean, Arabic, Hebrew, Greek, Devanagari, Thai
 * and the rest. MT leaves names, handles and whole phrases of the source in its
 * original script (`open the account of @芳芳一人食 Douyin`).
 *
 * Not flagged: the original given on purpose beside a translation or
 * transliteration, in brackets either way round (`Viasna (Вясна)`,
 * `Вясна (Viasna)`, `(Belarusian: Вясна)`); set `allowOriginals` to `false`
 * to flag those too. Greek letters used as symbols (`α = 0.9`, `β-Klotho`,
 * `μg`), words that mix Latin with look-alike letters and a look-alike unit
 * after a degree sign in Latin text (`(-20 °С; 20 °С)`: that is
 * `mixed-script`), and the scripts of the document's own language (config
 * `language`: `ru` accepts Cyrillic, `ja` Japanese…).
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 2 findings on the dev MT output, rater precision 100.0 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   Viasna (Вясна) is a human rights group; its motto is Жыве Беларусь (Long live Belarus). The effect was small (α = 0.9, β-Klotho).
 *   Samples were cycled (-20 °С; 20 °С; -20 °С) and melted at 0°С–4°С.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Open the account of @芳芳一人食 Douyin, and the group Вясна said in a statement.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:22-1:27: Unexpected Chinese text `芳芳一人食`, expected a translation or a transliteration
 *   1:50-1:55: Unexpected Cyrillic text `Вясна`, expected a translation or a transliteration
 *
 * @example {"name": "not-ok-originals.txt", "label": "input", "config": {"allowOriginals": false}}
 *   Viasna (Вясна) is a human rights group.
 *
 * @example {"name": "not-ok-originals.txt", "label": "output"}
 *   1:9-1:14: Unexpected Cyrillic text `Вясна`, expected a translation or a transliteration
 */
import { flatten, textOf } from '../nlcst/flat.js';
import { paragraphsOf, walk } from '../nlcst/walk.js';
import { defineRule } from '../shared/rule.js';
import {
  hasNonLatinLetter,
  letterScript,
  lookalikeWords,
  type ScriptName,
  scriptLabel,
  scriptsOfLanguage,
} from '../text/script.js';

export interface ForeignScriptOptions {
  /** Accept an original in brackets beside its translation or transliteration. */
  allowOriginals: boolean;
}

interface WordInfo {
  text: string;
  start: number;
  end: number;
}

interface Run {
  start: number;
  end: number;
  scripts: Set<ScriptName>;
}

/** Pure-Greek words this short are symbols (`α`, `γδ`). */
const GREEK_SYMBOL_LENGTH = 2;
const MAX_QUOTED = 40;

export default defineRule<ForeignScriptOptions>(
  {
    id: 'foreign-script',
    description: 'Text in another writing system (Cyrillic, Chinese, Arabic…) inside Latin-script prose',
    category: 'script',
    recommended: true,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: false,
    trigger: hasNonLatinLetter,
    defaultOptions: { allowOriginals: true },
  },
  (tree, context, options) => {
    const native = new Set<ScriptName>(scriptsOfLanguage(context.language));
    if (!native.has('Latin')) return;
    const text = context.text;
    for (const paragraph of paragraphsOf(tree)) {
      if (!hasNonLatinLetter(flatten(paragraph).text)) continue;
      const words: WordInfo[] = [];
      walk(paragraph, (node) => {
        if (node.type !== 'WordNode') return;
        const start = node.position?.start.offset ?? 0;
        words.push({ text: textOf(node), start, end: node.position?.end.offset ?? start });
      });
      const lookalikes = new Set(
        lookalikeWords(
          words.map((word) => word.text),
          words.map((word) => text[word.start - 1]),
        ).map((found) => found.index),
      );
      const runs: Run[] = [];
      for (let index = 0; index < words.length; index++) {
        if (lookalikes.has(index)) continue;
        const found = foreignPart(words[index], native);
        if (!found) continue;
        const last = runs[runs.length - 1];
        if (last && !/\p{L}/u.test(text.slice(last.end, found.start))) {
          last.end = found.end;
          for (const script of found.scripts) last.scripts.add(script);
        } else runs.push(found);
      }
      for (const run of runs) {
        if (options.allowOriginals && isOriginalBesideTranslation(text, run)) continue;
        const actual = text.slice(run.start, run.end);
        const shown = actual.length > MAX_QUOTED ? `${actual.slice(0, MAX_QUOTED - 1)}…` : actual;
        context.report({
          start: run.start,
          end: run.end,
          message: `Unexpected ${scriptLabel(run.scripts)} text \`${shown}\`, expected a translation or a transliteration`,
          actual,
        });
      }
    }
  },
);

/** The foreign letters of a word, from the first to the last. */
function foreignPart(word: WordInfo, native: ReadonlySet<ScriptName>): Run | undefined {
  let hasLatin = false;
  let letters = 0;
  for (const char of word.text) {
    const script = letterScript(char);
    if (script === undefined) continue;
    letters++;
    if (script === 'Latin') hasLatin = true;
  }
  let first = -1;
  let last = -1;
  let greek = 0;
  const scripts = new Set<ScriptName>();
  let offset = 0;
  for (const char of word.text) {
    const script = letterScript(char);
    if (script !== undefined && !native.has(script)) {
      // Cyrillic or Greek next to Latin letters is `mixed-script`'s (or a Greek symbol).
      const skip = (script === 'Cyrillic' || script === 'Greek') && hasLatin;
      if (!skip) {
        if (first < 0) first = offset;
        last = offset + char.length;
        scripts.add(script);
        if (script === 'Greek') greek++;
      }
    }
    offset += char.length;
  }
  if (first < 0) return undefined;
  if (scripts.size === 1 && greek > 0 && greek === letters && letters <= GREEK_SYMBOL_LENGTH) return undefined;
  if (scripts.size === 1 && greek > 0 && hasLatin) return undefined;
  // Offsets are direct when the word has no markup inside; otherwise report the whole word.
  const direct = word.end - word.start === word.text.length;
  return {
    start: direct ? word.start + first : word.start,
    end: direct ? word.start + last : word.end,
    scripts,
  };
}

const OPEN_BEFORE = /[([]\s*(?:\p{L}+\.?:?\s+)?(?:["“„«‘'‚]\s*)?$/u;
const CLOSE_AFTER = /^\s*(?:["”»’'‘“]\s*)?[)\]]/u;
const GLOSS_AFTER = /^\s*(?:["”»’'‘“]\s*)?(?:[,;:]\s*)?[([]\s*(?:["“„«‘'‚]\s*)?\p{Script=Latin}/u;
const SEPARATOR = /[\s,;:]/u;
const WORD_TAIL = /[\p{L}\p{M}.’'"”»]/u;
const LATIN = /\p{Script=Latin}/u;

/** True when `text` ends with a word holding a Latin letter, then white space or `,;:` (`Viasna `). */
function endsWithLatinWord(text: string): boolean {
  let index = text.length;
  while (index > 0 && SEPARATOR.test(text[index - 1])) index--;
  while (index > 0 && WORD_TAIL.test(text[index - 1])) {
    if (LATIN.test(text[index - 1])) return true;
    index--;
  }
  return false;
}

/** `Viasna (Вясна)`, `(Belarusian: Вясна)`, `Вясна (Viasna)`. */
function isOriginalBesideTranslation(text: string, run: Run): boolean {
  const before = text.slice(Math.max(0, run.start - 60), run.start);
  const after = text.slice(run.end, run.end + 60);
  if (GLOSS_AFTER.test(after)) return true;
  const open = OPEN_BEFORE.exec(before);
  if (!open) return false;
  const insideBefore = open[0];
  const labelled = /\p{Script=Latin}/u.test(insideBefore);
  const closes = CLOSE_AFTER.test(after) || /^[^()[\]]{0,40}\p{Script=Latin}[^()[\]]{0,40}[)\]]/u.test(after);
  if (!closes) return false;
  if (labelled) return true;
  return endsWithLatinWord(before.slice(0, before.length - insideBefore.length));
}
