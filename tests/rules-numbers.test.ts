/**
 * The number rules and their shared tokenizer on real artefacts (the sample
 * article, MT output from the dev set) and on correct English, biomedical
 * text and German that must stay quiet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixText, lint } from '../src/index.js';
import { groupThousands, scanNumbers } from '../src/text/numbers.js';

const NUMBER_RULES = ['spurious-number', 'number-format', 'currency-spacing', 'unit-spacing'] as const;
const sample = readFileSync(join(import.meta.dirname, '../samples/belarus-mt-article.txt'), 'utf8');

function configFor(rules: readonly string[], language = 'en') {
  return { extends: [], language, rules: Object.fromEntries(rules.map((id) => [id, 'warn'])) };
}

function findings(
  text: string,
  rules: readonly string[] = NUMBER_RULES,
  language = 'en',
  format: 'txt' | 'md' = 'txt',
) {
  return lint(text, { filePath: `x.${format}`, format, config: configFor(rules, language) }).findings;
}

function flagged(text: string, rules: readonly string[] = NUMBER_RULES): string[] {
  return findings(text, rules).map((finding) => text.slice(finding.offset, finding.endOffset));
}

describe('scanNumbers', () => {
  const one = (text: string) => {
    const tokens = scanNumbers(text);
    expect(tokens).toHaveLength(1);
    return tokens[0];
  };

  it('reads separators the English way and recognises foreign ones', () => {
    expect(one('1,500').value).toBe(1500);
    expect(one('1,500.25')).toMatchObject({ style: 'english', value: 1500.25, kind: 'decimal' });
    expect(one('1.500.000')).toMatchObject({ style: 'dot-groups', foreignValue: 1500000 });
    expect(one('1.500,25')).toMatchObject({ style: 'dot-groups', foreignValue: 1500.25 });
    expect(one('3,5')).toMatchObject({ style: 'decimal-comma', foreignValue: 3.5 });
    expect(one('1.500')).toMatchObject({ style: 'dot-three', value: 1.5, foreignValue: 1500 });
    expect(one('0.125')).toMatchObject({ style: 'english', value: 0.125 });
    expect(one("1'500")).toMatchObject({ style: 'apostrophe-groups', foreignValue: 1500 });
    expect(one('1\u202f500')).toMatchObject({ style: 'space-groups', value: 1500 });
  });

  it('attaches currencies, percentages, units, ordinals and scale words with their spacing', () => {
    const text = 'Russia lent $ 500 million, USD500, 20 €, 5 %, 5km, 37 °C and the 21st time.';
    const tokens = scanNumbers(text);
    const by = (numeral: string) => tokens.find((token) => token.numeral.text === numeral);
    expect(by('500')?.currency).toMatchObject({ text: '$', gap: ' ', position: 'before', code: false });
    expect(by('500')?.scale?.text).toBe('million');
    expect(text.slice(by('500')?.start, by('500')?.end)).toBe('$ 500');
    expect(tokens[1].currency).toMatchObject({ text: 'USD', gap: '', code: true });
    expect(by('20')?.currency).toMatchObject({ text: '€', position: 'after' });
    expect(by('5')?.percent?.gap).toBe(' ');
    expect(tokens[4].unit).toMatchObject({ text: 'km', gap: '' });
    expect(by('37')?.unit).toMatchObject({ text: '°C', gap: ' ' });
    expect(by('21')).toMatchObject({ kind: 'ordinal', ordinal: { text: 'st' } });
  });

  it('tells identifiers, years, times, ranges, scores and dates apart', () => {
    const kinds = (text: string) => scanNumbers(text).map((token) => token.kind);
    expect(kinds('K562 cells, COVID-19, SH-4-54')).toEqual(['identifier', 'identifier', 'identifier', 'identifier']);
    expect(kinds('in2020')).toEqual(['identifier']);
    expect(kinds('In 2020')).toEqual(['year']);
    expect(kinds('at 10:30')).toEqual(['time', 'time']);
    expect(kinds('from 2019-2020')).toEqual(['range', 'range']);
    expect(kinds('a 3-1 win')).toEqual(['score', 'score']);
    expect(kinds('on 15.09.2020')).toEqual(['other']);
    expect(kinds('on 2020-09-15')).toEqual(['date', 'date', 'date']);
    expect(scanNumbers('a 3-year plan')[0].hyphenWordAfter).toBe(true);
  });

  it('gives offsets into the scanned text', () => {
    const text = 'It cost $ 1,500.';
    const [token] = scanNumbers(text);
    expect(text.slice(token.start, token.end)).toBe('$ 1,500');
    expect(text.slice(token.numeral.start, token.numeral.end)).toBe('1,500');
  });

  it('is linear on long runs of digits and separators', () => {
    const text = '1,'.repeat(200_000) + '1';
    const started = performance.now();
    expect(scanNumbers(text)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('never throws and keeps every token inside the text, in order, on arbitrary input', () => {
    const alphabet = fc.constantFrom(..."0123456789 ,.'-–:/%$€£USDkmg°Ca\u00a0\u202fthe\n".split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (chars) => {
        const text = chars.join('');
        let last = 0;
        for (const token of scanNumbers(text)) {
          expect(token.start).toBeGreaterThanOrEqual(0);
          expect(token.end).toBeLessThanOrEqual(text.length);
          expect(token.start).toBeLessThanOrEqual(token.numeral.start);
          expect(token.numeral.end).toBeLessThanOrEqual(token.end);
          expect(token.numeral.start).toBeGreaterThanOrEqual(last);
          last = token.numeral.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('groups thousands', () => {
    expect(groupThousands('250000')).toBe('250,000');
    expect(groupThousands('1500')).toBe('1,500');
    expect(groupThousands('999')).toBe('999');
  });
});

describe('the sample article', () => {
  const all = findings(sample);

  it('finds the spurious number and the spaced dollar sign', () => {
    const spurious = all.filter((finding) => finding.ruleId === 'spurious-number');
    expect(spurious.map((finding) => sample.slice(finding.offset, finding.endOffset))).toEqual(['1500']);
    expect(sample.slice(spurious[0].offset - 8, spurious[0].endOffset + 4)).toBe('another 1500 way');
    const currency = all.filter((finding) => finding.ruleId === 'currency-spacing');
    expect(currency.map((finding) => sample.slice(finding.offset, finding.endOffset))).toEqual(['$ 500']);
  });

  it('reports nothing else among its numbers (1,500 migrants, 25 years, dates)', () => {
    expect(all).toHaveLength(2);
  });

  it('fixes the currency spacing', () => {
    const output = fixText(sample, { filePath: 'x.txt', config: configFor(NUMBER_RULES) }).output;
    expect(output).toContain('Russia providing $500 million in loans');
    expect(output).toContain('in another 1500 way');
  });
});

describe('spurious-number', () => {
  const rules = ['spurious-number'];

  it('finds stray figures in noun phrases, repeated figures and glued digits', () => {
    expect(flagged('The 1.5-million-strong city was hit by a 20 man.', rules)).toEqual(['20']);
    expect(flagged('It is the 613 definition of noise.', rules)).toEqual(['613']);
    expect(flagged('We will do it another 1500 way.', rules)).toEqual(['1500']);
    expect(flagged('Turn up the soundtrack a 2591 little bit.', rules)).toEqual(['2591']);
    expect(flagged('So what is an 2338 insect seeing?', rules)).toEqual(['2338']);
    expect(flagged('It was also a 37 lie, and a 12 shortlist is not a 480 need to act.', rules)).toEqual([
      '37',
      '12',
      '480',
    ]);
    expect(flagged('They detained 500 500 people.', rules)).toEqual(['500 500']);
    expect(flagged('Elections were held in2020 and 2021and later.', rules)).toEqual(['in2020', '2021and']);
    expect(flagged('Eliminate hepatitis by 2030as proposed, in 2 or 3 years.', rules)).toEqual(['2030as']);
  });

  it('leaves compounds, measures, labels, identifiers, years and collectives alone', () => {
    const ok = [
      'A 2020 study of 500 police found a 20 man team and a 3-year plan.',
      'The 5 km race started at 1500 GMT and lasted 24 h.',
      'Prices saw a 10 percent rise; an 8 hour shift and an 11 year old child.',
      'Type 2 diabetes was found in 12 patients, Figure 3 shows the 2 groups.',
      'K562 cells and SH-4-54 were exposed to COVID-19 serum for 48 h at 37 °C.',
      'The 1990s were hard, the 2008 crisis worse; it was a 50 50 chance.',
      'He scored 2 goals in the 3-1 win at 10:30 on 15.09.2020.',
      'There were 20 staff, 3 species and 40 sheep on the 2 farms.',
      'The 737 Max and a 5 star hotel in the 1,500-seat hall.',
      'The authors uploaded data on the 10,022 genomes of the virus and the 40 bacteria.',
    ];
    for (const text of ok) expect(flagged(text, rules), text).toEqual([]);
  });

  it('leaves headline numerals, codes used as names and inch sizes alone', () => {
    const ok = [
      'Chargers sign 4 draft picks',
      'Chargers sign the 4 draft picks',
      'The 4 cup final ends the season.',
      'She made a 911 call, and he flew a 737 jet to the 999 line.',
      'A 6in x 6in painting canvas.',
    ];
    for (const text of ok) expect(flagged(text, rules), text).toEqual([]);
    // The noun ends the phrase when nothing that can be a noun follows it.
    expect(flagged('It is the 613 definition of noise.', rules)).toEqual(['613']);
  });

  it('reports a figure garbled with a word on both sides without guessing a fix', () => {
    const text = 'The ratio was 16the3.5 in the end.';
    const result = findings(text, rules);
    expect(result.map((finding) => [text.slice(finding.offset, finding.endOffset), finding.fix])).toEqual([
      ['16the3.5', undefined],
    ]);
    expect(result[0].message).toBe('Unexpected `the` between the figures of `16the3.5`, the number is garbled');
  });
});

describe('number-format', () => {
  const rules = ['number-format'];

  it('finds foreign separators and long plain numbers in real MT output', () => {
    expect(flagged('There are 250000 species - at least as many as we know.', rules)).toEqual(['250000']);
    expect(flagged('There had been 390.516 cases of COVID-19 and 43.680 deaths.', rules)).toEqual([
      '390.516',
      '43.680',
    ]);
    expect(flagged('Data from 1.380 health facilities were included.', rules)).toEqual(['1.380']);
    expect(flagged('Forty-eight residents (48,5%) were infected, p=0,04.', rules)).toEqual(['48,5', '0,04']);
    expect(flagged('Masses from 14 000 to 230 000 were measured.', rules)).toEqual(['14 000', '230 000']);
    expect(flagged('It cost 1.500.000 euros.', rules)).toEqual(['1.500.000']);
  });

  it('reads a long figure after a word and a hyphen used as a dash as a quantity (zh-en dev output)', () => {
    expect(
      flagged("It's getting closer and closer-40000 years ago, we were still painting on the rocks.", rules),
    ).toEqual(['40000']);
    expect(flagged('There are 250000 species-at least as many as we know-250000 flowering plants.', rules)).toEqual([
      '250000',
      '250000',
    ]);
    // Identifiers, codes and compounds with a prefix stay quiet.
    const ok = [
      'The Su-27 and the F-16 flew over; covid-19 and SARS-CoV-2 spread in wave-2 of 2020.',
      'Cells of clone-12345 and strain-20001 were grown; see model-10000 and trial-20567.',
      'Their pre-20000 and post-10000 figures, the over-50000 group and the anti-12345 serum.',
      'Samples ABC-12345, x-ray-20000, IL-10000 and t-12345 were kept (Smith-20000 lab).',
    ].join('\n\n');
    expect(flagged(ok, rules)).toEqual([]);
  });

  it('leaves catalogue numbers and years alone', () => {
    const ok = [
      'The syndrome (OMIM 242650) and MIM 605242, listed as HGNC 11998 and PDB 12345, arXiv 2101.12345.',
      'More than 1,500 people came. The 2019 elections were held, and its 2010 protests too.',
    ];
    for (const text of ok) expect(flagged(text, rules), text).toEqual([]);
    // A figure that counts, in a document that groups its thousands, is still found.
    expect(flagged('More than 1,500 people came. It sold 2000 copies.', rules)).toEqual(['2000']);
    expect(flagged('The agency counted 242650 cases.', rules)).toEqual(['242650']);
  });

  it('fixes where the reading is unambiguous', () => {
    const fix = (text: string) => fixText(text, { filePath: 'x.txt', config: configFor(rules) }).output;
    expect(fix('It cost 3,5 million and 1.500.000 euros; 250000 came.')).toBe(
      'It cost 3.5 million and 1,500,000 euros; 250,000 came.',
    );
    expect(fix('Masses from 14 000 to 230 000.')).toBe('Masses from 14,000 to 230,000.');
  });

  it('finds the tilde that Chinese and Japanese MT leave as a range mark, and fixes it to an en dash', () => {
    expect(flagged('Patients with DF were followed up for 8~16 months.', rules)).toEqual(['~']);
    expect(flagged('The healing time was 5.1~9.2 weeks; group B (1 ~ 9 d).', rules)).toEqual(['~', ' ~ ']);
    expect(flagged('Wagner grade 3〜4 and rates of 5%~10%.', rules)).toEqual(['〜', '~']);
    const text = 'Relative molecular mass of 14 000~230 000 at 8 ~ 16 h.';
    expect(findings(text, rules).map((finding) => finding.message)).toContain(
      'Unexpected `~` in the range `14 000~230 000`, expected `14 000–230 000`',
    );
    expect(fixText(text, { filePath: 'x.txt', config: configFor(rules) }).output).toBe(
      'Relative molecular mass of 14,000–230,000 at 8–16 h.',
    );
  });

  it('leaves a tilde that means "about" and one inside identifiers alone', () => {
    const ok = [
      'It was ~20 km long, between 10 and ~20 people, and about 8 – 16 months.',
      'Cells from K562~3 and the 2x~4x zoom; X ~ N(0, 1) with a 10–20 range.',
      'Prices rose ~5% and ~10% at the ~3 sites.',
    ];
    for (const text of ok) expect(flagged(text, rules), text).toEqual([]);
  });

  it('reports a four-digit figure without separator when the document groups others', () => {
    const text = 'More than 1,500 migrants came.\n\nLater 1200 migrants stayed in 1990.';
    const result = findings(text, rules);
    expect(result.map((finding) => text.slice(finding.offset, finding.endOffset))).toEqual(['1200']);
    expect(result[0].related?.[0]).toMatchObject({ offset: text.indexOf('1,500') });
  });

  it('leaves years, decimals, identifiers, codes, phone numbers and dates alone', () => {
    const ok = [
      'In 2020, 1,500 people paid $3.5 million, or 0.125 each, for 1.500 kg.',
      'The trial NCT04280705 (PMID: 32109013) used GSE12345 and K562 cells.',
      'Call 0800 123 456 or +44 20 7946 0958; flight No. 12345 left at 10:30.',
      'Shanshan Shares (600884.SH) went public on 15.09.2020, version 1.2.3.',
      'Figures 1,2 and 3 and references [12,13] show p < 0.05 (95% CI 1.23-2.88).',
      'The population was 12345678901 in the registry, see ISBN 9780306406157.',
      'Write to 1600 Amphitheatre Parkway, Mountain View, CA 94043 or # 55012.',
    ];
    for (const text of ok) expect(flagged(text, rules), text).toEqual([]);
  });
});

describe('currency-spacing and unit-spacing', () => {
  it('finds and fixes currency signs in the way of another language', () => {
    const text = 'It cost € 5, 500$ and 20 €, or USD500 and 300USD; US$ 25 too.';
    expect(flagged(text, ['currency-spacing'])).toEqual(['€ 5', '500$', '20 €', 'USD500', '300USD', 'US$ 25']);
    expect(fixText(text, { filePath: 'x.txt', config: configFor(['currency-spacing']) }).output).toBe(
      'It cost €5, $500 and €20, or USD 500 and 300 USD; US$25 too.',
    );
  });

  it('finds a spaced percent sign, and units only as an option', () => {
    expect(flagged('More than 50 % of all patients, at 5km, and 20% of the rest.', ['unit-spacing'])).toEqual(['50 %']);
    const text = 'A 5km walk and a 3 km run at 37°C.';
    const config = { extends: [], rules: { 'unit-spacing': ['warn', { units: 'spaced' }] } } as const;
    const result = lint(text, { filePath: 'x.txt', config }).findings;
    expect(result.map((finding) => text.slice(finding.offset, finding.endOffset))).toEqual(['5km']);
    const speeds = 'Download rates reach 1000Mbps, uploads 200 Mbps and 1Gbps, on 5G and 4G.';
    const spaced = lint(speeds, { filePath: 'x.txt', config }).findings;
    expect(spaced.map((finding) => speeds.slice(finding.offset, finding.endOffset))).toEqual(['1000Mbps', '1Gbps']);
  });

  it('takes a percent style used throughout the document for house style, and reports the odd one out', () => {
    const rules = ['unit-spacing'];
    // SI style, written the same way throughout: consistent, so quiet.
    const si = 'Of the patients, 63 % were women and 12.5 % smokers.\n\nOnly 5 % relapsed.';
    expect(flagged(si, rules)).toEqual([]);
    expect(flagged('Inflation rose 5% to 12.5%.', rules)).toEqual([]);
    // Mixed: the minority form is reported, with the majority as the model.
    const mixed = 'Of the patients, 63 % were women, 12 % smokers and 5% relapsed.';
    const result = findings(mixed, rules);
    expect(result.map((finding) => finding.message)).toEqual(['Missing space in `5%`, expected `5 %` as in `63 %`']);
    expect(flagged('Prices rose 5 % in May and 7% in June.', rules)).toEqual(['5 %']);
    // A chosen style only when configured.
    const closed = { extends: [], rules: { 'unit-spacing': ['warn', { percent: 'closed' }] } } as const;
    expect(lint(si, { filePath: 'x.txt', config: closed }).findings.map((f) => f.actual)).toEqual([
      '63 %',
      '12.5 %',
      '5 %',
    ]);
    const spaced = { extends: [], rules: { 'unit-spacing': ['warn', { percent: 'spaced' }] } } as const;
    expect(lint('It rose 5% and 6 %.', { filePath: 'x.txt', config: spaced }).findings.map((f) => f.actual)).toEqual([
      '5%',
    ]);
  });

  it('maps positions through Markdown', () => {
    const text = 'In May they discussed **$ 500 million** in loans.';
    const result = findings(text, ['currency-spacing'], 'en', 'md');
    expect(result.map((finding) => text.slice(finding.offset, finding.endOffset))).toEqual(['$ 500']);
  });
});

describe('number-consistency', () => {
  const rules = ['number-consistency'];

  it('points at the other figure for the same counted thing', () => {
    const text =
      'Lukashenko sent more than 1,500 Kurdish and Iraqi migrants.\n\nLithuania says the 1,200 migrants are a weapon.';
    const result = findings(text, rules);
    expect(result.map((finding) => text.slice(finding.offset, finding.endOffset))).toEqual(['1,200']);
    expect(result[0].related?.[0]).toMatchObject({ offset: text.indexOf('1,500') });
  });

  it('leaves different counts of different or generic things alone', () => {
    const text =
      'Police detained 120 protesters on Monday. Another 300 protesters were held later. ' +
      'It took 20 years and 30 years. We analysed 20 patients in one group and 40 patients in total.';
    expect(findings(text, rules)).toEqual([]);
  });
});

describe('robustness', () => {
  it('reports no internal error on arbitrary text with numbers', () => {
    const words = fc.constantFrom(
      'a',
      'the',
      'another',
      'of',
      'in',
      '1,500',
      '$',
      '€',
      '500',
      '3,5',
      '1.500',
      ' ',
      '%',
      'km',
      'way',
      'man',
      '-',
      '.',
      ',',
      '\n\n',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        const result = findings(text, [...NUMBER_RULES, 'number-consistency']);
        for (const finding of result) {
          expect(finding.message).not.toMatch(/Internal error/);
          expect(finding.endOffset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('other languages', () => {
  it('stays quiet on German number and currency formats', () => {
    const text = 'Es kostet 3,5 Millionen und 1.500 Euro, also 500 € oder 5 %; 250000 Menschen in einem 1500 Weg.';
    expect(findings(text, [...NUMBER_RULES, 'number-consistency'], 'de')).toEqual([]);
  });
});
