/**
 * What the target alone shows (#15 §4): punctuation inserted inside a
 * sentence, function words of the source language left in English, lost
 * capitals and final stops, speech left without quotation marks; and the
 * correct English each rule must leave alone, including native English
 * paragraphs of WMT24 from the dev set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDevDir } from '../bench/eval/data.js';
import { lint } from '../src/index.js';

const sample = readFileSync(join(import.meta.dirname, '../samples/belarus-mt-article.txt'), 'utf8');
const CLEAN = join(defaultDevDir(join(import.meta.dirname, '..')), 'clean_en_wmt24.dev.jsonl');

function run(text: string, rule: string, options?: Record<string, unknown>) {
  const config = { extends: [], language: 'en', rules: { [rule]: options ? ['warn', options] : 'warn' } };
  return lint(text, { filePath: 'test.txt', format: 'txt', config: config as never }).findings;
}

/** The flagged text of each finding. */
function flagged(text: string, rule: string, options?: Record<string, unknown>): string[] {
  return run(text, rule, options).map((finding) => text.slice(finding.offset, finding.endOffset));
}

/** Native English paragraphs, one document per `doc`, paragraphs joined by a blank line. */
function cleanDocuments(): string[] {
  const byDoc = new Map<string, string[]>();
  for (const line of readFileSync(CLEAN, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { doc: string; text: string };
    byDoc.set(record.doc, [...(byDoc.get(record.doc) ?? []), record.text]);
  }
  return [...byDoc.values()].map((paragraphs) => paragraphs.join('\n\n'));
}

describe('foreign-word', () => {
  it('finds function words of the source language left in English sentences', () => {
    expect(flagged('Police said that že the offices were searched on Monday.', 'foreign-word')).toEqual(['že']);
    expect(flagged('The banks und the schools were closed for a week.', 'foreign-word')).toEqual(['und']);
    expect(flagged('It is nicht clear whether the figures are correct.', 'foreign-word')).toEqual(['nicht']);
    expect(flagged('He said que the government would act within a month.', 'foreign-word')).toEqual(['que']);
    expect(flagged('The head of les ministries met with the unions.', 'foreign-word')).toEqual(['les']);
    expect(flagged('The mayor of der city said that it was over.', 'foreign-word')).toEqual(['der']);
    // A run of them is one finding.
    expect(flagged('It was a matter for und der people of the region.', 'foreign-word')).toEqual(['und der']);
    expect(run('The vote was delayed y the count was stopped.', 'foreign-word')[0]?.message).toBe(
      'Unexpected Spanish word `y` in English text',
    );
  });

  it('leaves names, loan phrases, quotations, mentions and English homographs alone', () => {
    const correct = [
      'President de Gaulle met the editors of Der Spiegel in Los Angeles and La Liga officials.',
      'The de facto ban on à la carte menus, the work of Smith et al. and a raison d’être were discussed.',
      'A study by van der Waals and da Silva was cited, as was the Banco do Brasil report.',
      'The crowd chanted “und jetzt alle” while the German word und means and.',
      'They come to die for their son, also the men who dove in to pour the plus sans serif.',
      'Send it to name at gmail . com or gmail dot com, said the firm, est. 1990.',
      'Officials de-escalate the row, and the un-American label stuck.',
      'Die Linke won seats. Und so it goes, they said, and left at once.',
      'Cien años de soledad is a novel. Die Hard is a film.',
    ];
    for (const text of correct) expect(flagged(text, 'foreign-word'), text).toEqual([]);
  });

  it('leaves a foreign sentence to untranslated', () => {
    expect(flagged('Die Regierung wies jede Kritik an dem Vorgehen der Polizei zurück.', 'foreign-word')).toEqual([]);
  });

  it('is quiet on the sample article and on native English paragraphs', () => {
    expect(flagged(sample, 'foreign-word')).toEqual([]);
    if (!existsSync(CLEAN)) return;
    for (const document of cleanDocuments()) expect(flagged(document, 'foreign-word')).toEqual([]);
  });

  it('reads English documents only', () => {
    const config = { extends: [], language: 'de', rules: { 'foreign-word': 'warn' } };
    const text = 'Die Banken und die Schulen waren geschlossen, sagte der Sprecher.';
    expect(lint(text, { filePath: 'a.txt', format: 'txt', config: config as never }).findings).toEqual([]);
  });
});

describe('stray-punctuation: marks inserted inside a sentence', () => {
  it('finds symbols glued to a word, clause marks where no clause ends, and ! or ? before lower case', () => {
    expect(
      flagged('The alarm got~ installed between_ two scales^ and a word@ next to it.', 'stray-punctuation'),
    ).toEqual(['~', '_', '^', '@']);
    expect(flagged('He told; them that the: cat and her: name were gone. It was over.', 'stray-punctuation')).toEqual([
      ';',
      ':',
      ':',
    ]);
    expect(flagged('They rolled! their eyes at the news. It was late.', 'stray-punctuation')).toEqual(['!']);
  });

  it('leaves correct marks alone', () => {
    const correct = [
      'One thing mattered: money. He left; she stayed. The options are a) stay or b) wait; the rest is noise.',
      '“Stop!” he cried. Why? he asked. Yahoo! users and Jeopardy! fans met. Oh! how nice.',
      'Write to name@ gmail . com or see _this_ page. The cost: of course, it was high.',
      'I left the shop; with a little more energy than before. It was late.',
    ];
    for (const text of correct) expect(flagged(text, 'stray-punctuation'), text).toEqual([]);
  });
});

describe('sentence-case and missing-final-punctuation on paragraphs', () => {
  it('reports a prose paragraph that starts in lower case after one that ended a sentence', () => {
    const text =
      'The police raided the offices of several groups on Wednesday.\n\nthe journalists who worked there were questioned for hours.';
    expect(flagged(text, 'sentence-case')).toEqual(['the']);
    // The sentence goes on from the paragraph before: a segment split mid-sentence.
    const continued = text.replace('Wednesday.', 'Wednesday and');
    expect(flagged(continued, 'sentence-case')).toEqual([]);
    // A list line is no prose paragraph.
    expect(
      flagged('We need these things.\n\n- eggs, flour and milk for the pancakes we make', 'sentence-case'),
    ).toEqual([]);
  });

  it('leaves headlines at the top, dialogue, broken-off lines and continued segments alone', () => {
    const article = [
      'Dad says daughter took her own life after being bullied at NJ school',
      'Four New Jersey teenagers have been charged in connection with an assault on a student. The school said it would act.',
      '“I assume that the company is ready for the long march north”',
      'He had a higher chance to keep going than anyone else in the platoon–',
      'They demanded the release of more than 25 Belarusian journalists, including',
      'some who had been detained for more than a year.',
    ].join('\n\n');
    expect(flagged(article, 'missing-final-punctuation')).toEqual([]);
    const cut = `${article}\n\nThe police raided the offices of dozens of organizations on Wednesday`;
    expect(flagged(cut, 'missing-final-punctuation')).toEqual(['y']);
  });
});

describe('dropped-quotes (#15 §3 and §4)', () => {
  it('is not fooled by a quotation of several sentences in one paragraph', () => {
    const text =
      '“We are moving out at dawn. From there we will have a foothold in the mountains” Shaw explained. “Get with your squads.”';
    expect(flagged(text, 'dropped-quotes')).toEqual([]);
    expect(flagged('"Come now. We need water. Bring it all," she said. Then she left.', 'dropped-quotes')).toEqual([]);
  });

  it('is not fooled by according to a thing, or by an indirect statement', () => {
    expect(flagged('According to the survey, we spend more on food than before.', 'dropped-quotes')).toEqual([]);
    expect(flagged('According to the latest figures, you pay more in rent.', 'dropped-quotes')).toEqual([]);
    expect(flagged('He told reporters that we would be paid in full, the union said.', 'dropped-quotes')).toEqual([]);
    expect(flagged('She asked whether we could stay longer, the guide said.', 'dropped-quotes')).toEqual([]);
    // A person is a source of speech.
    expect(flagged('According to the minister, we will win.', 'dropped-quotes')).toEqual(['we']);
  });

  it('finds first-person speech whose attribution is followed by more', () => {
    const text =
      'We will continue the reforms, he said in a televised address, adding that the talks would go on.\n\nWe are ready, the president said, and left the room.';
    expect(run(text, 'dropped-quotes').map((finding) => finding.message)).toEqual([
      'Speech attributed to `he` has no quotation marks',
      'Speech attributed to `the president` has no quotation marks',
    ]);
  });

  it('finds speech before an attribution that stands alone', () => {
    expect(flagged('Do you mind shapeshifting into something that can fly? Kayel asked.', 'dropped-quotes')).toEqual([
      'Do',
    ]);
    expect(flagged('We will go back in the morning. He said hurriedly, looking away.', 'dropped-quotes')).toEqual([
      'We',
    ]);
    expect(flagged('The rain had stopped. He said nothing for a while. It was late.', 'dropped-quotes')).toEqual([]);
  });

  it('is quiet on native English paragraphs', () => {
    if (!existsSync(CLEAN)) return;
    for (const document of cleanDocuments()) expect(flagged(document, 'dropped-quotes')).toEqual([]);
  });
});
