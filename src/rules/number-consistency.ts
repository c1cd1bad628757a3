/**
 * ## number-consistency
 *
 * Finds the same quantity given with different figures in one document:
 * `more than 1,500 migrants` in one paragraph and `1,200 migrants` in
 * another. MT systems translate each sentence on its own and sometimes
 * convert or misread a figure once (`1.5 thousand` → `1,500`, `万` read as a
 * thousand), so an article ends up contradicting itself. The finding is on
 * the later figure, with the earlier one as related information.
 *
 * A quantity is a figure followed, within a few words, by the same plural
 * noun (`migrants`, `students`). Compared only: whole numbers of 20 or more
 * with exactly two different values for the noun in the whole document,
 * within a factor of three of each other, in different sentences. Time words
 * (`years`, `days`), units, percentages, money and very common nouns
 * (`people`, `times`, `cases`) are left out, and so are figures with
 * `another`, `additional`, `more`, `total`, `remaining` or `each` nearby,
 * which usually count different things.
 *
 * What it cannot see: which figure is right (that needs the source), the same
 * thing named with different nouns (`migrants` / `refugees`), and figures
 * that legitimately change over the story (`500 arrested on Monday, 700 by
 * Friday`). Off by default: real articles often count the same noun twice.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; no findings on the dev MT output; 0.24 false alarms per 10,000 words of clean English (1 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   About 1,500 migrants reached the border. Officials said 1,500 migrants were sent back.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Lukashenko has sent more than 1,500 Kurdish and Iraqi migrants to Lithuania.
 *
 *   Lithuania says the 1,200 migrants are a weapon.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   3:20-3:25: Unexpected `1,200 migrants`, the document says `1,500 migrants` elsewhere
 */
import type { Root } from 'nlcst';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineDocumentRule } from '../shared/rule.js';
import { type NumberToken, numbersOf } from '../text/numbers.js';

/** Nouns counted in many unrelated ways in one article. */
const GENERIC = new Set(
  (
    'years months weeks days hours minutes seconds times people persons cases points percent dollars euros yuan ' +
    'members things ways others ones parts steps levels rounds games goals votes seats words lines pages items ' +
    'kilometres kilometers metres meters miles tons tonnes degrees decades centuries children ' +
    // Study populations are split into groups and subgroups as a matter of course.
    'patients subjects participants individuals respondents cells samples studies articles trials women men'
  ).split(' '),
);
const DIFFERENT_THING = /\b(?:another|additional|more|other|total|remaining|each|per|further|extra|new)\s+$/i;

interface Mention {
  value: number;
  from: number;
  to: number;
  sentence: number;
  label: string;
}

/** The first plural noun within five words after a figure (`1,500 Kurdish and Iraqi migrants`). */
function nounAfter(text: string): string | undefined {
  const words = text.split(' ');
  if (words[0] !== '') return undefined;
  for (const raw of words.slice(1, 6)) {
    const word = raw.replace(/[,.;:!?)]$/, '');
    if (/^[a-z]{3,}s$/.test(word)) return word;
    // Only capitalised adjectives (`Kurdish, Iraqi and Afghan`) and `and`/`or` may come between.
    if (word !== raw && !(raw.endsWith(',') && /^[A-Z]/.test(word))) return undefined;
    if (!/^(?:[A-Z][a-z-]*|and|or)$/.test(word)) return undefined;
  }
  return undefined;
}

/** Figures by the noun they count, and the running sentence number, across the chunks of a document. */
interface State {
  byNoun: Map<string, Mention[]>;
  sentenceIndex: number;
}

export default defineDocumentRule<object, State>(
  {
    id: 'number-consistency',
    description: 'The same quantity given with different figures in one document (`1,500 migrants` … `1,200 migrants`)',
    category: 'numbers',
    recommended: false,
    defaultSeverity: 'warn',
    fixable: false,
    needsTree: false,
    defaultOptions: {},
  },
  {
    state: () => ({ byNoun: new Map(), sentenceIndex: 0 }),
    chunk(tree, context, _options, state) {
      if (context.language === 'en') collectMentions(tree, state);
    },
    end(context, _options, { byNoun }) {
      for (const mentions of byNoun.values()) {
        const values = new Set(mentions.map((mention) => mention.value));
        if (values.size !== 2) continue;
        const [a, b] = [...values];
        if (Math.max(a, b) / Math.min(a, b) > 3) continue;
        const first = mentions[0];
        for (const mention of mentions) {
          if (mention.value === first.value || mention.sentence === first.sentence) continue;
          context.report({
            start: mention.from,
            end: mention.to,
            message: `Unexpected \`${mention.label}\`, the document says \`${first.label}\` elsewhere`,
            actual: context.text.slice(mention.from, mention.to),
            related: [{ message: `\`${first.label}\` here`, start: first.from, end: first.to }],
          });
        }
      }
    },
  },
);

function collectMentions(tree: Root, state: State): void {
  const { byNoun } = state;
  let { sentenceIndex } = state;
  for (const paragraph of paragraphsOf(tree)) {
    const { flat, numbers } = numbersOf(paragraph);
    if (numbers.length === 0) {
      sentenceIndex++;
      continue;
    }
    const text = flat.text;
    let last = 0;
    for (const token of numbers) {
      // A sentence boundary between the last figure and this one.
      if (/[.!?]\s/.test(text.slice(last, token.start))) sentenceIndex++;
      last = token.end;
      if (!countable(token)) continue;
      const noun = nounAfter(text.slice(token.end, token.end + 60));
      if (!noun) continue;
      if (GENERIC.has(noun) || /(?:ss|us|is)$/.test(noun)) continue;
      if (DIFFERENT_THING.test(text.slice(Math.max(0, token.start - 25), token.start))) continue;
      const mention: Mention = {
        value: token.value as number,
        from: flat.startAt(token.numeral.start),
        to: flat.endAt(token.numeral.end),
        sentence: sentenceIndex,
        label: `${token.numeral.text} ${noun}`,
      };
      const list = byNoun.get(noun) ?? [];
      list.push(mention);
      byNoun.set(noun, list);
    }
    sentenceIndex++;
  }
  state.sentenceIndex = sentenceIndex;
}

function countable(token: NumberToken): boolean {
  return (
    token.kind === 'cardinal' &&
    (token.style === 'plain' || token.style === 'english') &&
    token.value !== undefined &&
    Number.isInteger(token.value) &&
    token.value >= 20 &&
    !token.scale &&
    !token.hyphenWordAfter
  );
}
