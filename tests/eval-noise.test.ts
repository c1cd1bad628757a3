import { describe, expect, it } from 'vitest';
import { classifySpan, unbalanced } from '../bench/eval/classify.js';
import {
  INJECTION_KINDS,
  type InjectionKind,
  inject,
  mapThrough,
  noiseJobs,
  prng,
  quotePairs,
} from '../bench/eval/noise.js';

const HOSTS = [
  'The committee said, "We will not accept the new rules in this form," and left the meeting.',
  'Roman Pratasevich and his girlfriend were detained in Minsk on Sunday.',
  'The company paid $500 for the 1,500 tickets, about 3.5 times the usual price.',
  'Now this is a plant that insects in South Africa just love.',
  'He called it “a clear success” and moved on.',
  'The police raided the offices of several groups. They questioned the journalists for many hours and the people left.',
  '"We will win this time," he said. Then he left the hall with his friends.',
  'The minister said, "The rules are not acceptable in this form," and left.',
];

function injected(kind: InjectionKind, host: string, seed = 7) {
  const result = inject(kind, host, prng(seed));
  if (!result) throw new Error(`${kind} does not apply to: ${host}`);
  return { ...result, at: (index: number) => result.text.slice(result.ranges[index].start, result.ranges[index].end) };
}

describe('the noise model', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = noiseJobs([HOSTS], 3, 5).map((job) => job.document.text);
    const b = noiseJobs([HOSTS], 3, 5).map((job) => job.document.text);
    const c = noiseJobs([HOSTS], 4, 5).map((job) => job.document.text);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('injects every kind somewhere in the hosts, one artefact per paragraph', () => {
    const jobs = noiseJobs([HOSTS], 1, 10);
    const kinds = new Set(jobs.flatMap((job) => job.injections.map((injection) => injection.kind)));
    expect([...kinds].sort()).toEqual([...INJECTION_KINDS].sort());
    for (const job of jobs) {
      expect(job.document.text.split('\n\n')).toHaveLength(job.injections.length);
      expect(job.clean.text.split('\n\n')).toHaveLength(job.injections.length);
    }
  });

  it('only injects where the kind applies', () => {
    const plain = 'this is plain text without marks';
    for (const kind of ['removed-closing-quote', 'speech-quotes-dropped', 'wrong-orientation-quotes'] as const) {
      expect(inject(kind, plain, prng(1))).toBeUndefined();
    }
    // A quotation without a speech verb is not attributed speech.
    expect(inject('speech-quotes-dropped', 'The so-called "smart city" plan is late.', prng(1))).toBeUndefined();
  });

  it('puts each artefact at the range it records', () => {
    expect(injected('doubled-punctuation', HOSTS[1]).at(0)).toMatch(/^[,.;:] ?[,.;:]$/);
    expect(injected('space-before-punctuation', HOSTS[1]).at(0)).toMatch(/^ [,.;:!?]$/);
    expect(injected('full-width-punctuation', HOSTS[1]).at(0)).toMatch(/^[，。；：！？（）]$/);
    const number = injected('stray-number', HOSTS[3]);
    expect(number.text).toMatch(/ a \d+ plant that /);
    expect(number.at(0)).toMatch(/^\d+$/);
    expect(injected('currency-space', HOSTS[2]).at(0)).toBe('$ 500');
    expect(injected('currency-space', HOSTS[1]).at(0)).toMatch(/^[$€£] [\d.,]+( million)?$/);
    expect(injected('european-separators', HOSTS[2]).at(0)).toMatch(/^(?:1\.500|3,5)$/);
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      expect(injected('european-separators', HOSTS[1], seed).at(0)).toMatch(/^\d+(?:(?:\.\d{3})+|,\d)$/);
      expect(injected('stray-punctuation', HOSTS[1], seed).at(0)).toMatch(/^[,.;:]$/);
    }
    expect(injected('homoglyph', HOSTS[1]).at(0)).toMatch(/^[\u0370-\u03FF\u0400-\u04FF]$/);
    expect(injected('foreign-script', HOSTS[1]).at(0)).toMatch(/^[^\p{Script=Latin}]+$/u);
    const name = injected('quotes-around-name', HOSTS[3]);
    expect(name.at(0)).toMatch(/^["“][A-Z][a-z]+(?: [A-Z][a-z]+)*["”]$/);
  });

  it('repeats a word or a phrase right after itself', () => {
    const word = injected('repeated-word', HOSTS[1]);
    const repeated = word.at(0);
    expect(word.text.slice(word.ranges[0].start - repeated.length - 1, word.ranges[0].start)).toBe(`${repeated} `);
    const phrase = injected('repeated-phrase', HOSTS[1]);
    const words = phrase.at(0);
    expect(words.split(' ').length).toBeGreaterThanOrEqual(2);
    expect(phrase.text.slice(phrase.ranges[0].start - words.length - 1, phrase.ranges[0].start)).toBe(`${words} `);
  });

  it('drops, removes and turns quotes', () => {
    const dropped = injected('speech-quotes-dropped', HOSTS[0]);
    expect(dropped.text).toBe(
      'The committee said, We will not accept the new rules in this form, and left the meeting.',
    );
    expect(dropped.at(0)).toBe('We will not accept the new rules in this form,');
    const removed = injected('removed-closing-quote', HOSTS[4]);
    expect(removed.text).toBe('He called it “a clear success and moved on.');
    expect(removed.at(0)).toBe('“');
    const turned = injected('wrong-orientation-quotes', HOSTS[4]);
    expect(turned.text).toBe('He called it ”a clear success“ and moved on.');
  });

  it('inserts punctuation inside a sentence, foreign words, lost capitals and lost final stops', () => {
    const host = 'The police raided the offices of several groups. They questioned the journalists for many hours.';
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(injected('inserted-comma', host, seed).at(0)).toBe(',');
      expect(injected('inserted-symbol', host, seed).at(0)).toMatch(/^(?:[_^@~"]|,\?)$/);
      expect(injected('inserted-colon', host, seed).at(0)).toMatch(/^[:;]$/);
      expect(injected('inserted-stop', host, seed).at(0)).toMatch(/^[.!?]$/);
      // Between two lower-case words.
      const symbol = injected('inserted-symbol', host, seed);
      expect(symbol.text.slice(symbol.ranges[0].start - 2, symbol.ranges[0].end + 2)).toMatch(/^[a-z]{2}\S+ [a-z]$/);
      const foreign = injected('foreign-function-word', host, seed);
      expect(foreign.at(0)).toMatch(/^\p{L}+$/u);
      expect(host).not.toContain(` ${foreign.at(0)} `);
    }
    expect(injected('foreign-content-word', 'Many people and their children left the city.', 1).at(0)).not.toMatch(
      /^(?:people|children|city)$/,
    );
    const capital = injected('lost-capital', host);
    expect(capital.text).toContain('groups. they questioned');
    expect(capital.at(0)).toBe('. they');
    const lower = injected('lower-case-paragraph', host);
    expect(lower.text.startsWith('the police')).toBe(true);
    const stop = injected('missing-final-stop', host);
    expect(stop.text).toBe(host.slice(0, -1));
    expect(stop.ranges[0]).toEqual({ start: host.length - 1, end: host.length - 1 });
    // Headlines and short lines are no prose paragraphs.
    expect(inject('missing-final-stop', 'Police Raid Offices.', prng(1))).toBeUndefined();
  });

  it('tells first-person speech from third-person speech, and continues an attribution', () => {
    const first = 'The minister said, "We will not accept the new rules in this form," and left.';
    const third = 'The minister said, "The rules are not acceptable in this form," and left.';
    expect(inject('speech-quotes-dropped', third, prng(1))).toBeUndefined();
    expect(inject('speech-quotes-dropped-third-person', first, prng(1))).toBeUndefined();
    expect(injected('speech-quotes-dropped-third-person', third).text).not.toContain('"');
    const continued = injected('speech-quotes-dropped-continued', '"We will win this time," he said. Then he left.');
    expect(continued.text).toMatch(/^We will win this time, he said[ ,].+\. Then he left\.$/);
    expect(continued.at(0)).toBe('We will win this time,');
  });

  it('finds straight and curly quotation pairs', () => {
    expect(quotePairs('a "b" c “d” e')).toEqual([
      [2, 4],
      [8, 10],
    ]);
    // A straight mark that is neither an opening nor a closing one: no straight pairs.
    expect(quotePairs('in 2017"s vote, "yes" won')).toEqual([]);
    expect(quotePairs('a "b" c “d” e "f')).toEqual([[8, 10]]);
  });

  it('puts quotes around a whole name, not part of one or a month', () => {
    const text = 'They met at 40 Wall Street in September and then visited Egypt with friends.';
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) seen.add(injected('quotes-around-name', text, seed).at(0));
    expect([...seen].sort()).toEqual(['"Egypt"', '“Egypt”']);
  });

  it('maps clean ranges through edits, keeping findings that contain an edit whole', () => {
    const edits = [{ at: 10, removed: 1, inserted: 3 }];
    expect(mapThrough(edits, { start: 2, end: 5 })).toEqual({ start: 2, end: 5 });
    expect(mapThrough(edits, { start: 12, end: 15 })).toEqual({ start: 14, end: 17 });
    expect(mapThrough(edits, { start: 0, end: 20 })).toEqual({ start: 0, end: 22 });
    expect(mapThrough(edits, { start: 10, end: 11 })).toEqual({ start: 10, end: 13 });
    const insertion = [{ at: 10, removed: 0, inserted: 4 }];
    expect(mapThrough(insertion, { start: 10, end: 12 })).toEqual({ start: 14, end: 16 });
    expect(mapThrough(insertion, { start: 8, end: 12 })).toEqual({ start: 8, end: 16 });
    expect(mapThrough(insertion, { start: 6, end: 10 })).toEqual({ start: 6, end: 10 });
    expect(mapThrough([{ at: 4, removed: 4, inserted: 1 }], { start: 6, end: 12 })).toBeUndefined();
  });
});

describe('punctuation span classes', () => {
  const classOf = (text: string, span: string, language = 'en', occurrence = 0) => {
    let start = -1;
    for (let index = 0; index <= occurrence; index++) start = text.indexOf(span, start + 1);
    return classifySpan(text, { start, end: start + span.length }, language);
  };

  it('calls mechanical target-side errors target_only', () => {
    expect(classOf('He left. . Then she came.', '. .')).toEqual({ class: 'target_only', pattern: 'doubled_punct' });
    expect(classOf('He left , then she came.', ' ,').pattern).toBe('space_before_punct');
    expect(classOf('He left，then she came.', '，').pattern).toBe('cjk_fullwidth_punct');
    expect(classOf('There are 250000 species.', '250000').pattern).toBe('long_number_without_separator');
    expect(classOf('He said "no and left.', '"').pattern).toBe('unbalanced_quotes_or_brackets');
    expect(classOf('Building a network for cities', 'cities').pattern).toBe('missing_final_punct');
  });

  it('calls style questions target_style', () => {
    expect(classOf('the reason -- there are others.', '--').pattern).toBe('dash_hyphen_style');
    expect(classOf('It is called "chip war", they say.', '"', 'en', 1).pattern).toBe('punct_vs_closing_quote_order');
    expect(classOf('Er sagte "nein" und ging.', '"', 'de').pattern).toBe('straight_quotes_in_german');
  });

  it('calls balanced scare quotes quote_judgement and the rest needs_source', () => {
    expect(classOf('Another large gym "mine" again?', '"').class).toBe('quote_judgement');
    expect(classOf('With the transfer, in 1989 he left.', ',').pattern).toBe('comma_present_in_span');
    expect(classOf('In the national library of medicine we read.', 'national library').pattern).toBe('word_span');
    expect(classifySpan('He left then came.', { start: 7, end: 7 }).pattern).toBe('missing_punct_at_point');
  });

  it('counts code points, not UTF-16 units', () => {
    // The astral character before the span would shift UTF-16 offsets by one.
    const text = '😀 He left , then came.';
    expect(classifySpan(text, { start: 10, end: 12 }).pattern).toBe('space_before_punct');
  });

  it('knows German low-high quotes balance', () => {
    expect(unbalanced('Er sagte „nein“ und ging.', 'de')).toBe(false);
    expect(unbalanced('Er sagte „nein und ging.', 'de')).toBe(true);
    expect(unbalanced('He said “no” (twice).', 'en')).toBe(false);
    expect(unbalanced('He said “no (twice).', 'en')).toBe(true);
  });
});
