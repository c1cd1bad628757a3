/**
 * The quotation-mark family on real text: the sample article, MT output from
 * the dev set (zh-en news and TED talks), and correct English (news and talk
 * sources) that must stay quiet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, lint } from '../src/index.js';
import { analyzeParagraphs, analyzeQuotes } from '../src/text/quotes.js';
import { personOf, trailingAttribution, wordsOf } from '../src/text/speech.js';

const sample = readFileSync(join(import.meta.dirname, '../samples/belarus-mt-article.txt'), 'utf8');

function run(text: string, rule: string, options?: Record<string, unknown>, language = 'en') {
  const config = { extends: [], language, rules: { [rule]: options ? ['warn', options] : 'warn' } } as const;
  return lint(text, { filePath: 'test.txt', format: 'txt', config: config as never }).findings;
}

function flagged(text: string, rule: string, options?: Record<string, unknown>, language = 'en'): string[] {
  return run(text, rule, options, language).map((finding) => text.slice(finding.offset, finding.endOffset));
}

/** What a dropped-quotes finding covers: from its first word to the end of the speech (its related place). */
function speeches(text: string, options?: Record<string, unknown>): string[] {
  return run(text, 'dropped-quotes', options).map((finding) =>
    text.slice(finding.offset, finding.related?.[0]?.endOffset ?? finding.endOffset),
  );
}

function roles(text: string, language = 'en'): string {
  return analyzeQuotes(text, language)
    .marks.map((mark) => `${mark.char}${mark.role[0]}`)
    .join(' ');
}

describe('quote module', () => {
  it('tells apostrophes and measurements from quotation marks', () => {
    expect(roles(`The boys' toys from the '90s, rock 'n' roll at 5 o'clock; he is 5' 10" tall.`)).toBe(
      `'a 'a 'a 'a 'a 'm "m`,
    );
    expect(roles('Don’t ‘quote’ me on the boys’ stuff, it’s 1990’s.')).toBe('’a ‘o ’c ’a ’a ’a');
    expect(roles(`It's the 'dog' days and James' car.`)).toBe(`'a 'o 'c 'a`);
  });

  it('pairs nested quotations and a closing mark after a number', () => {
    const nested = analyzeQuotes('“He said ‘no’ to me,” she said.');
    expect(nested.pairs.map((pair) => [pair.open.char, pair.close.char, pair.depth])).toEqual([
      ['‘', '’', 1],
      ['“', '”', 0],
    ]);
    const glossed = analyzeQuotes('pd-1 ("programmed cell death 1") and a 12" record');
    expect(glossed.pairs).toHaveLength(1);
    expect(glossed.unmatchedClose).toEqual([]);
    expect(glossed.marks.at(-1)?.role).toBe('measure');
  });

  it('reads German „…“ as a pair, and English ”…“ as turned the wrong way', () => {
    expect(analyzeQuotes('„Das ist gut“, sagte er.', 'de').pairs).toHaveLength(1);
    const english = analyzeQuotes('He said ”no“ and left.');
    expect(english.pairs).toHaveLength(1);
    expect(english.marks.every((mark) => mark.misoriented)).toBe(true);
  });

  it('accepts a quotation over several paragraphs that reopens each paragraph', () => {
    const [first, second, third] = analyzeParagraphs(['“We went home.', '“Then we slept,” she said.', '“Not closed.']);
    expect(first.unmatchedOpen).toEqual([]);
    expect(first.continued).toHaveLength(1);
    expect(second.unmatchedOpen).toEqual([]);
    expect(third.unmatchedOpen).toHaveLength(1);
  });

  it('finds person and attributions', () => {
    expect(personOf(wordsOf('We will not stop our work'))).toEqual({ first: 2, second: 0 });
    expect(personOf(wordsOf('The US and World War I')).first).toBe(0);
    const attribution = trailingAttribution(
      'Lukashenko understands that, Pavel Marinich, head of the Zubr group in exile, told The Daily Beast on Wednesday.',
    );
    expect(attribution?.speaker).toBe('Pavel Marinich');
    expect(trailingAttribution('The economy is improving, said the minister.')?.speaker).toBe('the minister');
    expect(trailingAttribution('When we arrived, the police told us to leave.')).toBeUndefined();
    expect(trailingAttribution('He said the plan, which he said was good, failed.')).toBeUndefined();
  });
});

describe('dropped-quotes on the sample article', () => {
  const found = speeches(sample);

  it('finds the opening quotation mark in the middle of speech', () => {
    expect(found).toContain('We will pursue each of them, find them, and punish them; “');
  });

  it('finds first- and second-person speech after the closing quotation mark', () => {
    expect(found.some((text) => text.startsWith('Of course you are informed and you should understand'))).toBe(true);
  });

  it('finds the statement attributed to Viasna', () => {
    expect(found).toContain('We will not stop our human rights activities');
  });

  it('finds the speech continued after Shraibman’s attribution', () => {
    expect(found.some((text) => text.startsWith('There are many secrets about how great'))).toBe(true);
  });

  it('reports the third-person attributions of a document that drops quotes (Marinich, Shraibman)', () => {
    expect(
      found.some((text) =>
        text.startsWith('Lukashenko understands that at this point no one but Russia will give him money'),
      ),
    ).toBe(true);
    expect(found.some((text) => text.startsWith('Lukashenko has sent more than 1,500 Kurdish'))).toBe(true);
    expect(found.some((text) => text.startsWith('Lukashenko is visiting Putin not only'))).toBe(true);
    expect(found).toHaveLength(7);
  });

  it('without escalation reports only the first- and second-person cases', () => {
    expect(speeches(sample, { escalate: false })).toHaveLength(4);
  });

  it('leaves the rest of the sample, and its balanced quotes, alone', () => {
    expect(run(sample, 'quote-balance')).toEqual([]);
    expect(run(sample, 'quote-style')).toEqual([]);
    expect(run(sample, 'quoted-name')).toEqual([]);
  });
});

describe('dropped-quotes on speech whose marks were removed (clean English sources)', () => {
  it('finds speech after `said:` and after `told reporters,`', () => {
    expect(
      speeches(
        'They added: "This goes against the attitude." Reeves said: I don\'t know what the circumstances are, but I do know that they are strong candidates.',
      ),
    ).toEqual(["I don't know what the circumstances are, but I do know that they are strong candidates."]);
    const told = speeches(
      "Asked about it, he told reporters, We will cooperate with this Congress, just as we did with the last Congress. I think that's our responsibility.",
    );
    expect(told).toHaveLength(2);
  });

  it('finds first-person speech whose comma went missing with the marks', () => {
    const text =
      "Today, I am beyond grateful that my case has been dismissed - tomorrow my journey begins for worker's rights within the workers comp system Kilcher said Friday in a statement.";
    expect(run(text, 'dropped-quotes').map((finding) => finding.message)).toEqual([
      'Speech attributed to `Kilcher` has no quotation marks',
    ]);
  });

  it('leaves a question after `asks:` alone', () => {
    expect(
      run('Basically, it asks: Do rich dads have rich kids, or is there no relationship?', 'dropped-quotes'),
    ).toEqual([]);
  });
});

describe('dropped-quotes on correct English', () => {
  it('leaves third-person reported speech alone', () => {
    expect(
      run('The economy is improving, the minister said. Prices will fall, said the bank.', 'dropped-quotes'),
    ).toEqual([]);
  });

  it('leaves a narrator’s own first person alone', () => {
    const talk = [
      'I grew up in a small town. We had no car, and I walked to school every day.',
      'My teacher said it was too far. We went anyway, and you would have done the same.',
      'Then, he told us, the road was closed. We found another way.',
    ].join('\n\n');
    expect(run(talk, 'dropped-quotes')).toEqual([]);
  });

  it('leaves news with direct quotations alone', () => {
    const news =
      '“We have already taken steps to initiate proceedings,” a DHS spokesperson said in a statement Friday. “DHS will continue prioritizing the case.” He conceded that “it will take time” to comply.';
    expect(run(news, 'dropped-quotes')).toEqual([]);
  });

  it('stays quiet in German', () => {
    expect(run('We will not stop, Viasna said.', 'dropped-quotes', undefined, 'de')).toEqual([]);
  });
});

describe('quote-balance', () => {
  it('finds the halves MT lost (zh-en dev output)', () => {
    expect(
      flagged(
        'Domestic traditional gyms generally adopt the prepaid model, "earning money that users do not come is the underlying logic.',
        'quote-balance',
      ),
    ).toEqual(['"']);
    expect(flagged('And the other is great health has a future. "', 'quote-balance')).toEqual(['"']);
  });

  it('blames the quotation that lost its closing mark, not the next one', () => {
    const text =
      'The party is saying: "Yet again, it appears that the party is seeking to promote a clique. They added: "This goes against the attitude."';
    const findings = run(text, 'quote-balance');
    expect(findings.map((finding) => finding.offset)).toEqual([text.indexOf('"Yet')]);
  });

  it('leaves possessives, elisions and measurements alone (clean English sources)', () => {
    const text =
      "The county district attorney's office cleared Kilcher of all charges in a workers\" compensation fraud case. The boys' toys from the '90s; he is 5' 10\" tall.";
    expect(run(text, 'quote-balance')).toEqual([]);
  });

  it('finds a quotation whose closing mark a segment break pushed into the next paragraph (zh-en dev output)', () => {
    const split = [
      '"We entered the e-commerce industry late, but from the very beginning, we realized that content is very important.',
      '" said Fangfang, a post-90s girl from Guangdong, who now operates a shop on Douyin.',
    ].join('\n\n');
    expect(run(split, 'quote-balance').map((finding) => [finding.line, finding.column, finding.message])).toEqual([
      [1, 1, 'Unmatched opening quotation mark `"`'],
      [3, 1, 'Unmatched quotation mark `"`'],
    ]);
    const alone = [
      'She said at the scene: "The carefully polished videos have attracted a lot of attention from netizens.',
      '" "',
    ].join('\n\n');
    expect(run(alone, 'quote-balance').map((finding) => finding.line)).toEqual([1]);
    // The next paragraph's mark is a stray one that nothing closes: no continued quotation either.
    const stray = [
      '"We entered e-commerce late, but we realized from the very beginning that content is very important.',
      '"Fang Fang, a "post-90s" girl from Guangdong, now runs a nourishing ingredients store on Douyin.',
    ].join('\n\n');
    expect(run(stray, 'quote-balance').map((finding) => [finding.line, finding.column])).toEqual([
      [1, 1],
      [3, 1],
    ]);
  });

  it('accepts a quotation over several paragraphs, each opened, closed at its end (clean English)', () => {
    const text = [
      '“We will keep working with the committees,” the spokesman said. “The first paragraph does not close.',
      '“Nor does the second one, which goes on about the work.',
      '“The third one closes,” he added, “and so does this.”',
    ].join('\n\n');
    expect(run(text, 'quote-balance')).toEqual([]);
    expect(run(text.replace(/“/g, '"').replace(/”/g, '"'), 'quote-balance')).toEqual([]);
  });
});

describe('quote-style', () => {
  it('finds spaces inside the marks (zh-en dev output)', () => {
    expect(
      flagged('If Americans want to realize their " American Dream, " they should go to Denmark.', 'quote-style'),
    ).toEqual(['" ', ' "']);
  });

  it('finds mixed marks in one paragraph and fixes them to the dominant style', () => {
    const text = 'But we look at the so-called “lower social class", which is manual work. “Yes,” he said.';
    expect(flagged(text, 'quote-style')).toEqual(['"']);
    const config = { extends: [], rules: { 'quote-style': 'warn' } } as const;
    expect(fixText(text, { format: 'txt', config }).output).toBe(
      'But we look at the so-called “lower social class”, which is manual work. “Yes,” he said.',
    );
  });

  it('accepts German marks in German and flags corner brackets', () => {
    expect(run('„Das ist gut“, sagte er.', 'quote-style', undefined, 'de')).toEqual([]);
    expect(flagged('He called it 「core」 technology.', 'quote-style')).toEqual(['「']);
    // Straight marks are not German typesetting: the quotation is reported once, at its opening mark, fixed to „…“.
    const german = 'Er sagte: "Das ist gut."';
    expect(flagged(german, 'quote-style', undefined, 'de')).toEqual(['"']);
    const config = { extends: [], language: 'de', rules: { 'quote-style': 'warn' } } as const;
    expect(fixText(german, { format: 'txt', config }).output).toBe('Er sagte: „Das ist gut.“');
    expect(run(german, 'quote-style', { style: 'straight' }, 'de')).toEqual([]);
  });

  it('points at the opening mark of a long restyled quotation, the closing mark related (en-de dev output)', () => {
    const text =
      'Das sei wichtig, sagte Reeves: "Ich möchte in keiner Weise behaupten, dass jemand schuld ist, aber es ist richtig, dass er seine Strafe erhalten hat."';
    const [finding, ...rest] = run(text, 'quote-style', undefined, 'de');
    expect(rest).toEqual([]);
    const open = text.indexOf('"');
    const close = text.lastIndexOf('"');
    expect([finding.offset, finding.endOffset]).toEqual([open, open + 1]);
    expect(finding.message).toBe('Unexpected `"…"`, expected `„…“`');
    expect(finding.related?.map((place) => [place.offset, place.endOffset])).toEqual([[close, close + 1]]);
    // One edit restyles both marks and nothing between them.
    expect(finding.fix?.range).toEqual([open, close + 1]);
    const config = { extends: [], language: 'de', rules: { 'quote-style': 'warn' } } as const;
    expect(fixText(text, { format: 'txt', config }).output).toBe(
      `${text.slice(0, open)}„${text.slice(open + 1, close)}“`,
    );
    // Correct German typesetting stays quiet.
    expect(run(`${text.slice(0, open)}„${text.slice(open + 1, close)}“`, 'quote-style', undefined, 'de')).toEqual([]);
  });
});

describe('quoted-name', () => {
  it('finds scare quotes and names carried over from Chinese (zh-en dev output)', () => {
    expect(flagged('Another large gym "thunderstorm"?', 'quoted-name')).toEqual(['"thunderstorm"']);
    expect(
      flagged(
        'Whether it is wooing South Korea to establish a "technology alliance", or with South Korea and Japan.',
        'quoted-name',
      ),
    ).toEqual(['"technology alliance"']);
    expect(
      flagged(
        'the Shenzhen Municipal Bureau of Industry recently issued the "Shenzhen Speedy Pioneer City Construction Action Plan".',
        'quoted-name',
      ),
    ).toEqual(['"Shenzhen Speedy Pioneer City Construction Action Plan"']);
  });

  it('leaves quotations, titles and words under discussion alone (clean English sources)', () => {
    const text = [
      'He conceded that "it will take time" to comply with the House\'s investigation.',
      'Barnett has scored another legal victory - this time with "Yellowstone" actor Q\'orianka Kilcher.',
      'On Friday\'s edition of NBC\'s "MTP Now," Colorado Gov. Jared Polis (D) said that he has "a lot of concern" over it.',
      'The word "very" is overused, and the so-called "experts" agreed.',
    ].join('\n\n');
    expect(run(text, 'quoted-name')).toEqual([]);
  });

  it('finds a person’s or an agency’s name put in quotation marks', () => {
    expect(
      flagged('She met "Kilcher" on Friday, and the "Department of Homeland Security" agreed.', 'quoted-name'),
    ).toEqual(['"Kilcher"', '"Department of Homeland Security"']);
  });

  it('lets scare quotes be with allowScareQuotes', () => {
    const text =
      'Donald Trump\'s heavily mortgaged skyscraper at 40 Wall Street is on "lender watch" amid plummeting income.';
    expect(flagged(text, 'quoted-name')).toEqual(['"lender watch"']);
    expect(run(text, 'quoted-name', { allowScareQuotes: true })).toEqual([]);
  });
});

describe('punctuation-quote-order', () => {
  it('moves commas inside in American style, outside after fragments in British style', () => {
    const text = 'China\'s "technology alliance", they said, and "core," it added. "We will win," he said.';
    expect(flagged(text, 'punctuation-quote-order')).toEqual(['",']);
    expect(flagged(text, 'punctuation-quote-order', { style: 'british' })).toEqual([',"']);
    expect(flagged(text, 'punctuation-quote-order', { style: 'american' })).toEqual(['",']);
    // German puts the comma after the closing mark: not an English house style matter.
    expect(run('„Das ist gut“, sagte er.', 'punctuation-quote-order', undefined, 'de')).toEqual([]);
  });

  it('takes one order used throughout a document for house style, and reports the odd one out', () => {
    // British style throughout: every comma after a quoted fragment outside. Consistent, so quiet.
    const british =
      'He called it a "technology alliance", they said.\n\nThe "core", it added, is the "base". "We will win," he said.';
    expect(flagged(british, 'punctuation-quote-order')).toEqual([]);
    const american = 'He called it a "technology alliance," they said. The "core," it added, is the "base."';
    expect(flagged(american, 'punctuation-quote-order')).toEqual([]);
    // Mixed: the order the document uses less is reported, and fixed to the other.
    const mixed = 'It is the "alliance", they said; the "core", it added, and the "base," they agreed.';
    const result = run(mixed, 'punctuation-quote-order');
    expect(result.map((finding) => finding.message)).toEqual([
      'Unexpected `,"`, expected `",` as elsewhere in this document',
    ]);
    expect(result[0].related?.length).toBe(1);
    // A chosen style only when configured.
    expect(flagged(british, 'punctuation-quote-order', { style: 'american' })).toEqual(['",', '",', '".']);
  });
});
