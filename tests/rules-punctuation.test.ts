/**
 * The punctuation and white-space family on real artefacts (the sample
 * article, MT output from the dev set) and on correct English and German
 * that must stay quiet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FormatName, fixText, lint } from '../src/index.js';

const FAMILY = [
  'doubled-punctuation',
  'space-before-punctuation',
  'missing-space-after-punctuation',
  'stray-punctuation',
  'fullwidth-punctuation',
  'unbalanced-brackets',
  'whitespace',
  'missing-final-punctuation',
  'dash-style',
] as const;

interface RunOptions {
  language?: string;
  format?: FormatName;
  options?: Record<string, unknown>;
}

function configFor(ids: readonly string[], { language = 'en', options }: RunOptions = {}) {
  return {
    extends: [],
    language,
    rules: Object.fromEntries(ids.map((id) => [id, options ? ['warn', options] : 'warn'])),
  } as never;
}

/** `rule-id: text-of-the-finding` for every finding. */
function findings(text: string, ids: readonly string[], run: RunOptions = {}): string[] {
  const format = run.format ?? 'txt';
  return lint(text, { filePath: `x.${format}`, format, config: configFor(ids, run) }).findings.map(
    (finding) => `${finding.ruleId}: ${text.slice(finding.offset, finding.endOffset)}`,
  );
}

function fixed(text: string, ids: readonly string[], run: RunOptions = {}): string {
  const format = run.format ?? 'txt';
  return fixText(text, { filePath: `x.${format}`, format, config: configFor(ids, run) }).output;
}

const sample = readFileSync(join(import.meta.dirname, '../samples/belarus-mt-article.txt'), 'utf8');
const RECOMMENDED = FAMILY.filter((id) => id !== 'missing-final-punctuation' && id !== 'dash-style');

describe('the sample article', () => {
  it('finds `girlfriend. .` and nothing else in the family', () => {
    const result = lint(sample, { format: 'txt', config: configFor(RECOMMENDED) }).findings;
    expect(result.map((finding) => `${finding.ruleId} ${finding.line}:${finding.column}`)).toEqual([
      'doubled-punctuation 17:278',
    ]);
    expect(result[0].message).toBe('Unexpected `. .`, expected `.`');
  });

  it('--fix repairs it without touching Tut.by, St. Petersburg, 7 a.m. or the $ 500', () => {
    const output = fixed(sample, RECOMMENDED);
    expect(output).toContain('his girlfriend. The latest sanctions');
    expect(output.length).toBe(sample.length - 2);
    for (const kept of ['Tut.by', 'St. Petersburg', '7 a.m.,', '$ 500 million', 'time bomb.']) {
      expect(output).toContain(kept);
    }
  });
});

describe('correct English stays quiet', () => {
  const clean = [
    'It rose 3.5% to 1,500.25 points at 10:30 a.m., the U.S. said; e.g., in St. Louis at 7 p.m.',
    'Write to info@tut.by or see https://tut.by/news/a,b?x=1&y=2 and www.example.com/a..b today.',
    'Tut.by, Booking.com and ASP.NET are names; open report.pdf or README.md, then data_v2.csv.',
    'He waited... and then left. Really?! “Yes,” she said. “Why?” he asked. (See below.)',
    'The options are a) stay, b) go, or 3) wait; the interval [0, 1) is half-open :) ;-)',
    'The groups (Viasna and BAJ [Belarusian Association of Journalists]) were raided.',
    'Dr. Smith, Jr., and J. R. R. Tolkien met Mr. Jones at No. 10 in Jan. 2020, etc.',
    'It is 5 - 3 = 2, a well-known 2010–2015 trend—and a dash – spaced – too.',
    'Ratios of 3:1 and verse John 3:16 are fine, as is .NET and .5 mm.',
    '“We will not stop our work,” the group said. ‘Quoted,’ he added.',
  ].join('\n\n');

  it('no finding from the recommended family', () => {
    expect(findings(clean, RECOMMENDED)).toEqual([]);
  });

  it('German quotation marks and dashes are correct in a German document', () => {
    const german =
      'Er sagte, das sei „eine niedrige soziale Schicht“, so der Sprecher. Das ist – wie gesagt – richtig.';
    expect(findings(german, [...RECOMMENDED, 'dash-style'], { language: 'de' })).toEqual([]);
  });

  it('full-width marks are native in Chinese and Japanese documents', () => {
    expect(findings('北京大学（北大）位于北京。', ['fullwidth-punctuation'], { language: 'zh' })).toEqual([]);
    expect(findings('これは「本」です。', ['fullwidth-punctuation'], { language: 'ja' })).toEqual([]);
  });
});

describe('doubled-punctuation', () => {
  it('stacks across spaces and closing quotes, but not ellipses or abbreviations', () => {
    const text = 'It ended,, and so. . Then “no.” . Or not;. Fine... U.S., e.g., and the U.S.. Why?!';
    expect(findings(text, ['doubled-punctuation'])).toEqual([
      'doubled-punctuation: ,,',
      'doubled-punctuation: . .',
      'doubled-punctuation: .” .',
      'doubled-punctuation: ;.',
      'doubled-punctuation: ..',
    ]);
    expect(fixed(text, ['doubled-punctuation'])).toBe(
      'It ended, and so. Then “no.” Or not. Fine... U.S., e.g., and the U.S. Why?!',
    );
  });

  it('keeps the comma when the sentence goes on in lower case', () => {
    expect(fixed('The police left., and came back.', ['doubled-punctuation'])).toBe('The police left, and came back.');
  });

  it('reports the CJK ellipsis spelt in full stops, but not an English ellipsis', () => {
    const text = 'the science and technology industry ......2023 began; the "three words" ...... Recently, it rose.';
    expect(findings(text, ['doubled-punctuation'])).toEqual([
      'doubled-punctuation: ......',
      'doubled-punctuation: ......',
    ]);
    expect(fixed(text, ['doubled-punctuation'])).toBe(
      'the science and technology industry ...2023 began; the "three words" ... Recently, it rose.',
    );
    expect(findings('He waited... then.... And . . . so on. . . .', ['doubled-punctuation'])).toEqual([]);
    expect(findings('Methods ...... 5\nResults ...... 12', ['doubled-punctuation'])).toEqual([]);
    expect(findings('A divider .............. ends here.', ['doubled-punctuation'])).toEqual([]);
  });

  it('reports a doubled bracket that leaves one too many, not nested pairs or emoticons', () => {
    const text = 'In 1996, SONGZONG SHARES ((600884.SH) went public (see above).';
    expect(findings(text, ['doubled-punctuation'])).toEqual(['doubled-punctuation: ((']);
    expect(fixed(text, ['doubled-punctuation'])).toBe('In 1996, SONGZONG SHARES (600884.SH) went public (see above).');
    expect(findings('The value ((a + b) / c) is small.', ['doubled-punctuation'])).toEqual([]);
    expect(findings('CK-MB (creatine kinase type muscle-brain [MB]) rose (see (a)).', ['doubled-punctuation'])).toEqual(
      [],
    );
    expect(findings('See [[Main Page]] and [[Help]], so sad :(( but fine :)) ok.', ['doubled-punctuation'])).toEqual(
      [],
    );
    expect(findings('It was closed (as of 2020)) and reopened.', ['doubled-punctuation'])).toEqual([
      'doubled-punctuation: ))',
    ]);
  });

  it('reports two double quotation marks side by side, without a fix', () => {
    const text =
      'To achieve the goal of "" eliminating viral hepatitis by 2030 "" proposed by the WHO, and the "Indo-Pacific Economic Framework"" In order to';
    expect(findings(text, ['doubled-punctuation'])).toEqual([
      'doubled-punctuation: ""',
      'doubled-punctuation: ""',
      'doubled-punctuation: ""',
    ]);
    expect(fixed(text, ['doubled-punctuation'])).toBe(text);
    const ok = 'An empty string ("") is falsy; x="" in code, """docstring""" and “quoted” “words”.';
    expect(findings(ok, ['doubled-punctuation'])).toEqual([]);
  });

  it('leaves `?,` and `!,` alone in German, where quoted speech takes a comma after them', () => {
    expect(
      findings('„Warum macht es das?“, höre ich Sie fragen. Warum?, fragte er.', ['doubled-punctuation'], {
        language: 'de',
      }),
    ).toEqual([]);
    expect(findings('Why does it do that?, I hear you ask.', ['doubled-punctuation'])).toEqual([
      'doubled-punctuation: ?,',
    ]);
  });

  it('leaves an abbreviation or a name with its own mark before a comma alone', () => {
    // The state abbreviation of AP style, an abbreviated Latin phrase, a name and a title that end in `!`.
    const text =
      'Portland, Ore., said so. Give it ad us. vet., then stop. Yahoo!, the portal, grew. "Hello, Dolly!," she sang.';
    expect(findings(text, ['doubled-punctuation'])).toEqual([]);
    // Not a name: a lower-case question before a comma is still a stack.
    expect(findings('Why does it do that?, I hear you ask.', ['doubled-punctuation'])).toEqual([
      'doubled-punctuation: ?,',
    ]);
  });

  it('fixes a space between an abbreviation and a comma by keeping the full stop', () => {
    const text = 'Give it ad us. vet. , then stop. Portland, Ore. , said so.';
    expect(fixed(text, ['doubled-punctuation', 'space-before-punctuation'])).toBe(
      'Give it ad us. vet., then stop. Portland, Ore., said so.',
    );
    expect(findings(text, ['space-before-punctuation'])).toEqual([
      'space-before-punctuation:  ',
      'space-before-punctuation:  ',
    ]);
  });

  it('reports an MT segment from the dev set (`?:` after a title)', () => {
    expect(findings('ORAL THERAPY OF ENDOCARDITIS?: The non-inferiority', ['doubled-punctuation'])).toEqual([
      'doubled-punctuation: ?:',
    ]);
  });
});

describe('space-before-punctuation', () => {
  it('reports spaces before marks and inside brackets, and moves a space to the right side', () => {
    const text = 'The group ( Viasna ) said so , then left . Why ? Because of this ;and that .';
    expect(fixed(text, ['space-before-punctuation'])).toBe(
      'The group (Viasna) said so, then left. Why? Because of this; and that.',
    );
  });

  it('leaves spaced ellipses, emoticons, leading decimals and French typography alone', () => {
    expect(findings('Wait . . . or ... at .5 mm on .NET :) or :-( fine.', ['space-before-punctuation'])).toEqual([]);
    expect(findings('Il a dit : « non ! »', ['space-before-punctuation'], { language: 'fr' })).toEqual([]);
  });

  it('reports MT output from the dev set', () => {
    expect(findings('self-reported PTSD symptoms were more complicated .', ['space-before-punctuation'])).toEqual([
      'space-before-punctuation:  ',
    ]);
  });
});

describe('missing-space-after-punctuation', () => {
  it('finds glued sentences and clauses from MT output', () => {
    const text = 'In this paper,the clinical application is described;The mean age was 54.7% male.Parents came.';
    expect(findings(text, ['missing-space-after-punctuation'])).toEqual([
      'missing-space-after-punctuation: ,',
      'missing-space-after-punctuation: ;',
      'missing-space-after-punctuation: .',
    ]);
    expect(fixed(text, ['missing-space-after-punctuation'])).toBe(
      'In this paper, the clinical application is described; The mean age was 54.7% male. Parents came.',
    );
  });

  it('never in numbers, times, addresses, domains, file names or initialisms', () => {
    const text =
      'At 10:30 it was 3.5 or 1,500, see Tut.by, info@tut.by, https://a.org/x,y and file.Name.txt; U.S. and J.K.Rowling, N,N-dimethyl, IL-6,IL-8.';
    expect(findings(text, ['missing-space-after-punctuation'])).toEqual([]);
  });
});

describe('stray-punctuation', () => {
  it('marks at a paragraph start, after an opening bracket or quote, and alone after a dash', () => {
    const text = ', The police came (, which was expected) and “. We left” — , said he.';
    expect(findings(text, ['stray-punctuation'])).toEqual([
      'stray-punctuation: ,',
      'stray-punctuation: ,',
      'stray-punctuation: .',
      'stray-punctuation: ,',
    ]);
    expect(fixed(text, ['stray-punctuation'])).toBe('The police came (which was expected) and “We left” — , said he.');
  });

  it('in English, a comma after an article and a full stop before a lower-case word', () => {
    const text = 'Some of you may have seen. some of these pictures in the, rich world of the. arts. It is going. on.';
    expect(findings(text, ['stray-punctuation'])).toEqual([
      'stray-punctuation: .',
      'stray-punctuation: ,',
      'stray-punctuation: .',
      'stray-punctuation: .',
    ]);
    expect(fixed(text, ['stray-punctuation'])).toBe(
      'Some of you may have seen. some of these pictures in the rich world of the arts. It is going. on.',
    );
  });

  it('a stop before lower case only where the paragraph capitalises its other sentences', () => {
    // MT output that lower-cases every sentence: a lost capital as likely as a stray stop (`sentence-case`).
    const lower =
      'the pathology is becoming well understood. patients after curative resection should be offered therapy. dr. Smith agreed.';
    expect(findings(lower, ['stray-punctuation'])).toEqual([]);
    expect(findings(lower, ['stray-punctuation'], { options: { stopBeforeLowerCase: true } })).toEqual([
      'stray-punctuation: .',
      'stray-punctuation: .',
    ]);
    // An abbreviation before a capital is no evidence that the text capitalises sentences…
    expect(findings('we met Dr. Smith and the U.S. Army there. were they ready', ['stray-punctuation'])).toEqual([]);
    // … but a paragraph that starts with a capital is.
    expect(findings('We met Dr. Smith and the U.S. Army there. were they ready', ['stray-punctuation'])).toEqual([
      'stray-punctuation: .',
    ]);
    // A stop after a word that cannot end a sentence is stray either way.
    expect(findings('the rich world of the. arts', ['stray-punctuation'])).toEqual(['stray-punctuation: .']);
    expect(findings('Sanctions. were announced on Monday. They hurt.', ['stray-punctuation'])).toEqual([
      'stray-punctuation: .',
    ]);
    // German abbreviations such as `usw.` and `bzw.` are followed by lower case: English only.
    expect(findings('Äpfel, Birnen usw. sind gesund, bzw. lecker.', ['stray-punctuation'], { language: 'de' })).toEqual(
      [],
    );
  });

  it('a stop before lower case is left to sentence-case where the document shows it lower-cases', () => {
    // Biomedical MT that lower-cases all but the first letter of each segment.
    const initialism =
      'Diagnosis and management of pulmonary embolism. reflections on the latest guideline.\n\n' +
      'The guideline on acute pulmonary embolism (pe) updates the 2014 version.';
    expect(findings(initialism, ['stray-punctuation'])).toEqual([]);
    expect(findings(initialism, ['stray-punctuation'], { options: { stopBeforeLowerCase: true } })).toEqual([
      'stray-punctuation: .',
    ]);
    const hyphenated =
      'The data were analysed. results were grouped.\n\nWe used partial least squares-discriminant analysis (pls-da).';
    expect(findings(hyphenated, ['stray-punctuation'])).toEqual([]);
    expect(
      findings('Proteins were extracted at 16 °c after anesthesia. chips were used.', ['stray-punctuation']),
    ).toEqual([]);
    const noCapitals =
      'Proteins were extracted at room temperature. chips were used to profile them.\n\n' +
      'All patients were followed up for 8 months. the wounds healed.';
    expect(findings(noCapitals, ['stray-punctuation'])).toEqual([]);
    // A stop after a word that cannot end a sentence stays stray there.
    expect(findings(`${noCapitals}\n\nIt is found in the. rich world.`, ['stray-punctuation'])).toEqual([
      'stray-punctuation: .',
    ]);
  });

  it('a stop before lower case is still reported in documents that capitalise', () => {
    // Names, initialisms and `I` show the text keeps its capitals, so two lower-case starts are two artefacts.
    expect(
      findings('The sanctions. were announced on Monday.\n\nThe ministers met in Brussels. they agreed.', [
        'stray-punctuation',
      ]),
    ).toEqual(['stray-punctuation: .', 'stray-punctuation: .']);
    expect(findings('The pills. were given.\n\nThen I think the dose. was too high.', ['stray-punctuation'])).toEqual([
      'stray-punctuation: .',
      'stray-punctuation: .',
    ]);
    // One lower-case start in a short text without capitals is not enough to say the text lower-cases.
    expect(findings('Clinical case. acute osteomyelitis, a rare diagnosis.', ['stray-punctuation'])).toEqual([
      'stray-punctuation: .',
    ]);
    // An initialism in capitals, a lower-case word in brackets that abbreviates nothing, `°C`.
    for (const text of [
      'The trial on pulmonary embolism (PE) ended. results were kept.',
      'The runs went fine (ok) all day. the team left.',
      'It was stored at 16 °C for a week. results were kept.',
    ]) {
      expect(findings(text, ['stray-punctuation'])).toEqual(['stray-punctuation: .']);
    }
  });

  it('abbreviations, initialisms and lower-case names explain a stop before lower case', () => {
    const text =
      'See e.g. the list, etc. and so on; Smith et al. found it, approx. five vs. ten. An iPhone. mRNA works. Steps: i. plan ii. act.';
    expect(findings(text, ['stray-punctuation'])).toEqual([]);
  });

  it('not an ellipsis, a decimal or a closing German quote', () => {
    expect(findings('...and then (…) it fell by .5 on .NET.', ['stray-punctuation'])).toEqual([]);
    expect(findings('Er sagte „nein“, und ging.', ['stray-punctuation'], { language: 'de' })).toEqual([]);
  });
});

describe('fullwidth-punctuation', () => {
  it('reports CJK and Arabic marks in English and German text and fixes them', () => {
    const text = 'Putin said，“no”。 Is it true؟ Yes، it is（really）.';
    expect(fixed(text, ['fullwidth-punctuation'])).toBe('Putin said, “no”. Is it true? Yes, it is (really).');
    expect(findings('Er sagte：nein。', ['fullwidth-punctuation'], { language: 'de' })).toHaveLength(2);
  });

  it('reports the ideographic space and look-alike marks', () => {
    expect(findings('One\u3000two\u037e three\u0589', ['fullwidth-punctuation'])).toEqual([
      'fullwidth-punctuation: \u3000',
      'fullwidth-punctuation: \u037e',
      'fullwidth-punctuation: \u0589',
    ]);
  });

  it('reports ≪ and ≫ standing in for 《》, not as maths operators', () => {
    const text = 'With the original soundtrack, the video ≪Blossom≫ is amazingly beautiful ≫';
    expect(findings(text, ['fullwidth-punctuation'])).toEqual([
      'fullwidth-punctuation: ≪',
      'fullwidth-punctuation: ≫',
      'fullwidth-punctuation: ≫',
    ]);
    expect(fixed('The video ≪Blossom≫ is beautiful.', ['fullwidth-punctuation'])).toBe(
      'The video “Blossom” is beautiful.',
    );
    expect(findings('This holds for N ≫ 1 and when kT≪E, so x ≪ y.', ['fullwidth-punctuation'])).toEqual([]);
  });

  it('leaves marks inside a quoted original alone', () => {
    expect(findings('The slogan “一带一路。” means Belt and Road.', ['fullwidth-punctuation'])).toEqual([]);
  });
});

describe('unbalanced-brackets', () => {
  it('reports the unpaired bracket, not its matched neighbours', () => {
    const text = 'The talks (held in Sochi (Russia) were about loans.\n\nThey left) and [came] back].';
    expect(findings(text, ['unbalanced-brackets'])).toEqual([
      'unbalanced-brackets: (',
      'unbalanced-brackets: )',
      'unbalanced-brackets: ]',
    ]);
  });

  it('list markers, emoticons and intervals are not brackets', () => {
    const text = 'Options: a) stay, b) go, 2) wait or iv) run :) :-( ;) and [0, 1) too.';
    expect(findings(text, ['unbalanced-brackets'])).toEqual([]);
  });

  it('stays linear on 10,000 nested brackets', () => {
    const text = `${'('.repeat(10_000)}word${')'.repeat(9_999)}`;
    const started = performance.now();
    expect(findings(text, ['unbalanced-brackets'])).toEqual(['unbalanced-brackets: (']);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('whitespace', () => {
  it('doubled spaces and tabs inside a sentence, not after a full stop or at line starts', () => {
    const text = 'The  police\tleft.  Then\n  they came back   today.';
    expect(findings(text, ['whitespace'])).toEqual(['whitespace:   ', 'whitespace: \t', 'whitespace:    ']);
    expect(fixed(text, ['whitespace'])).toBe('The police left.  Then\n  they came back today.');
  });

  it('invisible, control and bidirectional characters', () => {
    const text = 'The office\u200b of Viasna\u202e today\u0007 and\u00a0 now\ufeff.';
    expect(findings(text, ['whitespace']).map((finding) => finding.codePointAt(12)?.toString(16))).toEqual([
      '200b',
      '202e',
      '7',
      'a0',
      'feff',
    ]);
    expect(fixed(text, ['whitespace'])).toBe('The office of Viasna today and now.');
  });

  it('keeps joiners in emoji, marks beside Hebrew, and no-break spaces between words', () => {
    expect(findings('A coder 👩\u200d💻 said שלום\u200f to all at 10\u00a0km/h.', ['whitespace'])).toEqual([]);
  });

  it('HTML collapses white space, so doubled spaces are not reported there', () => {
    expect(findings('<p>The  police   left.</p>', ['whitespace'], { format: 'html' })).toEqual([]);
  });
});

describe('missing-final-punctuation (opt-in)', () => {
  it('reports a paragraph cut off mid-sentence, not headlines or bylines', () => {
    const text = [
      'Belarus Cracks Down on Civil Society After Putin Meeting',
      'By Anna Nemtsova',
      'They demanded the release of more than 25 Belarusian journalists, including',
      'Lukashenko told Putin that they are “funded from outside.”',
    ].join('\n\n');
    expect(findings(text, ['missing-final-punctuation'])).toEqual(['missing-final-punctuation: g']);
  });

  it('reads a sentence that starts with a preposition as a sentence, not a credit line (zh-en dev output)', () => {
    const cut = [
      'By the end of 2023, 10G PON ports will account for 100%, and the total number of optical industrial parks will be more than 100',
      'With the help of the new plan, the city will build more than twenty gigabit networks',
    ].join('\n\n');
    expect(findings(cut, ['missing-final-punctuation'])).toEqual([
      'missing-final-punctuation: 0',
      'missing-final-punctuation: s',
    ]);
    const credits = [
      'By Anna Nemtsova and Ivan Nechepurenko, The New York Times staff writers in Moscow',
      'From Reuters and the Associated Press, with additional reporting by our staff in Minsk',
      'Photo: Sergei Grits for the Associated Press, taken in Minsk on Wednesday morning',
    ].join('\n\n');
    expect(findings(credits, ['missing-final-punctuation'])).toEqual([]);
  });
});

describe('dash-style (house style)', () => {
  it('fixes stand-ins to the document’s own dash, or the language’s', () => {
    expect(fixed('It was loud - really loud -- then it stopped.', ['dash-style'])).toBe(
      'It was loud—really loud—then it stopped.',
    );
    expect(fixed('Es war laut - sehr laut -- dann hörte es auf.', ['dash-style'], { language: 'de' })).toBe(
      'Es war laut – sehr laut – dann hörte es auf.',
    );
    expect(fixed('One – two - three.', ['dash-style'])).toBe('One – two – three.');
  });

  it('enforces the house choice only when one is set', () => {
    const text = 'The group—Viasna—said so – and left.';
    expect(findings(text, ['dash-style'])).toEqual([]);
    expect(fixed(text, ['dash-style'], { options: { style: 'em-spaced' } })).toBe(
      'The group — Viasna — said so — and left.',
    );
  });

  it('command-line options, minus signs and bullets are not dashes', () => {
    expect(findings('Run it with --fix, and 5 - 3 is 2.\n- a bullet', ['dash-style'])).toEqual([]);
  });
});

describe('Markdown and HTML', () => {
  it('positions and fixes go through markup; a fix across markup is dropped', () => {
    const md = 'The *group* said so,. Then **it** left .\n\nVisit [Tut.by](https://tut.by) today.';
    expect(findings(md, RECOMMENDED, { format: 'md' })).toEqual([
      'doubled-punctuation: ,.',
      'space-before-punctuation:  ',
    ]);
    expect(fixed(md, RECOMMENDED, { format: 'md' })).toBe(
      'The *group* said so. Then **it** left.\n\nVisit [Tut.by](https://tut.by) today.',
    );
  });

  it('HTML text is linted, markup is not', () => {
    const html = '<p>The <b>group</b> said so（again）,, then left.</p><p>a,,b <code>x ,y</code></p>';
    expect(findings(html, RECOMMENDED, { format: 'html' })).toEqual([
      'fullwidth-punctuation: （',
      'fullwidth-punctuation: ）',
      'doubled-punctuation: ,,',
      'doubled-punctuation: ,,',
    ]);
  });
});
