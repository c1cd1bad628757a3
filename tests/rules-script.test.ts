/**
 * Script, language, casing and repetition rules on real text: the sample MT
 * article, artefacts as MT produces them, paragraphs in other languages
 * (written for these tests, and the opening lines of public-domain novels),
 * and correct English that must stay quiet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, lint } from '../src/index.js';
import { latinLookalike, letterScript, lookalikeWords, scriptsOfLanguage } from '../src/text/script.js';

const article = readFileSync(join(import.meta.dirname, '../samples/belarus-mt-article.txt'), 'utf8');

function findings(text: string, rule: string, options?: Record<string, unknown>, language = 'en') {
  return lint(text, { config: { extends: [], language, rules: { [rule]: options ? ['warn', options] : 'warn' } } })
    .findings;
}

/** Correct English news prose (no artefacts) that no rule of this family may flag. */
const CLEAN = [
  'The European Union, in coordination with Canada and the United States, imposed sanctions on Belarus last month.',
  'He waited... and then left. “Stop!” he said. She bought an iPhone; eBay sold it. The dose was 5 μg (α = 0.9).',
  'Prices rose more and more and more, and the crowd left one by one by one. Never again, never again.',
  'What it is is a plant called ylang ylang. He had had enough, and she said that that was fine.',
  'We met approx. two hours later, e.g. at noon, at No. 10 Downing Street. Viasna (Вясна) is a human rights group.',
].join('\n\n');

describe('src/text/script', () => {
  it('knows the script of letters and of languages', () => {
    expect(letterScript('a')).toBe('Latin');
    expect(letterScript('ж')).toBe('Cyrillic');
    expect(letterScript('ο')).toBe('Greek');
    expect(letterScript('中')).toBe('Han');
    expect(letterScript('µ')).toBeUndefined(); // MICRO SIGN is a Common letter
    expect(letterScript('1')).toBeUndefined();
    expect(scriptsOfLanguage('ru')).toContain('Cyrillic');
    expect(scriptsOfLanguage('de')).toEqual(['Latin']);
  });

  it('maps look-alikes to Latin and finds disguised words', () => {
    expect(latinLookalike('Мinsk')).toBe('Minsk');
    expect(latinLookalike('Москва')).toBeUndefined();
    const found = lookalikeWords(['in', 'Мinsk', 'and', 'αKlotho', 'NF-κB', 'а', 'city']);
    expect(found.map((entry) => [entry.index, entry.latin])).toEqual([
      [1, 'Minsk'],
      [5, 'a'],
    ]);
  });
});

describe('mixed-script', () => {
  it('finds and fixes Cyrillic and Greek look-alikes in Latin words', () => {
    const text = 'Police raided оffices in Мinsk; Ρutin said nothing to а reporter about Trumρ.';
    expect(findings(text, 'mixed-script').map((f) => f.actual)).toEqual(['оffices', 'Мinsk', 'Ρutin', 'а', 'Trumρ']);
    const { output } = fixText(text, { config: { extends: [], rules: { 'mixed-script': 'warn' } } });
    expect(output).toBe('Police raided offices in Minsk; Putin said nothing to a reporter about Trump.');
  });

  it('finds a Cyrillic р copied from a Russian source as the p of a p-value', () => {
    // Russian abstracts write `р<0,05` with a Cyrillic `р`; MT copies it next to Latin text.
    const text = 'The scale was reliable (р<0.001, α=0.91) and stable over time (р = 0.02).';
    expect(findings(text, 'mixed-script').map((f) => f.message)).toEqual([
      'Unexpected Cyrillic `р` (U+0440) in `р`, expected `p`',
      'Unexpected Cyrillic `р` (U+0440) in `р`, expected `p`',
    ]);
    const { output } = fixText(text, { config: { extends: [], rules: { 'mixed-script': 'warn' } } });
    expect(output).toBe('The scale was reliable (p<0.001, α=0.91) and stable over time (p = 0.02).');
  });

  it('finds a Cyrillic С in a degree unit, wherever it stands, and fixes it to °C', () => {
    const text = 'Cycles (-20 °С; 20 °С; -20 °С) ran, and it melts at 0°С–4°С.';
    const result = findings(text, 'mixed-script');
    expect(result.map((f) => f.message)).toEqual([
      ...Array(5).fill('Unexpected Cyrillic `С` (U+0421) in `°С`, expected `°C`'),
    ]);
    expect(result.map((f) => f.actual)).toEqual(Array(5).fill('°С'));
    const { output } = fixText(text, { config: { extends: [], rules: { 'mixed-script': 'warn' } } });
    expect(output).toBe('Cycles (-20 °C; 20 °C; -20 °C) ran, and it melts at 0°C–4°C.');
    // Not a run of Cyrillic text.
    expect(findings(text, 'foreign-script')).toEqual([]);
    // Cyrillic text with a Cyrillic unit is Cyrillic text.
    expect(findings('Температура 20 °С была.', 'foreign-script')).toHaveLength(1);
  });

  it('reports a mostly Cyrillic word without a fix', () => {
    const [finding] = findings('The city of Мoсква replied.', 'mixed-script');
    expect(finding.message).toBe('Unexpected Latin `o` (U+006F) in `Мoсква`');
    expect(finding.fix).toBeUndefined();
  });

  it('leaves scientific Greek, Cyrillic documents and clean English alone', () => {
    const science = 'Levels of γδT cells, TGF-β1 and NF-κB rose; 1.05 μmol/L (Cronbach α = 0.896) and β‑Klotho.';
    expect(findings(science, 'mixed-script')).toEqual([]);
    expect(findings('Он сказал, что Минск ответит.', 'mixed-script', undefined, 'ru')).toEqual([]);
    expect(findings(CLEAN, 'mixed-script')).toEqual([]);
    expect(findings(article, 'mixed-script')).toEqual([]);
  });
});

describe('foreign-script', () => {
  it('finds runs of other scripts, joined across punctuation', () => {
    const text =
      'The stock rose - 经济观察网 - 专业财经新闻网站 reported. The mayor of 서울시 and the paper الحكومة agreed, and सरकार too.';
    const result = findings(text, 'foreign-script');
    expect(result.map((f) => f.actual)).toEqual(['经济观察网 - 专业财经新闻网站', '서울시', 'الحكومة', 'सरकार']);
    expect(result.map((f) => f.message.split(' ')[1])).toEqual(['Chinese', 'Korean', 'Arabic', 'Devanagari']);
  });

  it('accepts originals beside a translation unless told otherwise', () => {
    const text = 'Viasna (Вясна) and Вясна (Viasna), the motto (Belarusian: Жыве Беларусь), were cited.';
    expect(findings(text, 'foreign-script')).toEqual([]);
    expect(findings(text, 'foreign-script', { allowOriginals: false })).toHaveLength(3);
  });

  it('accepts the scripts of the document language and Greek symbols', () => {
    expect(findings('Президент Лукашенко встретился с Путиным.', 'foreign-script', undefined, 'ru')).toEqual([]);
    expect(findings('The effect size was small (α = 0.9, β-Klotho, μg/mL).', 'foreign-script')).toEqual([]);
    expect(findings(CLEAN, 'foreign-script')).toEqual([]);
    expect(findings(article, 'foreign-script')).toEqual([]);
  });
});

/** Short paragraphs written for these tests: the same news in seven languages. */
const FOREIGN: Record<string, [string, string]> = {
  German: [
    'de',
    'Die Polizei durchsuchte am Mittwochmorgen die Büros mehrerer Menschenrechtsgruppen. Viele Journalisten wurden stundenlang verhört, ihre Computer und Telefone wurden beschlagnahmt. Die Regierung wies jede Kritik an dem Vorgehen zurück.',
  ],
  French: [
    'fr',
    'La police a perquisitionné mercredi matin les bureaux de plusieurs organisations de défense des droits humains. De nombreux journalistes ont été interrogés pendant des heures et leurs ordinateurs ont été saisis. Le gouvernement a rejeté toutes les critiques.',
  ],
  Spanish: [
    'es',
    'La policía registró el miércoles por la mañana las oficinas de varias organizaciones de derechos humanos. Muchos periodistas fueron interrogados durante horas y les confiscaron los ordenadores. El gobierno rechazó todas las críticas.',
  ],
  Italian: [
    'it',
    'Mercoledì mattina la polizia ha perquisito gli uffici di diverse organizzazioni per i diritti umani. Molti giornalisti sono stati interrogati per ore e i loro computer sono stati sequestrati. Il governo ha respinto ogni critica.',
  ],
  Portuguese: [
    'pt',
    'A polícia revistou na quarta-feira de manhã os escritórios de várias organizações de direitos humanos. Muitos jornalistas foram interrogados durante horas e os seus computadores foram apreendidos. O governo rejeitou todas as críticas.',
  ],
  Dutch: [
    'nl',
    'De politie heeft woensdagochtend de kantoren van verschillende mensenrechtenorganisaties doorzocht. Veel journalisten werden urenlang ondervraagd en hun computers werden in beslag genomen. De regering wees alle kritiek van de hand.',
  ],
  Polish: [
    'pl',
    'Policja przeszukała w środę rano biura kilku organizacji praw człowieka. Wielu dziennikarzy przesłuchiwano godzinami, a ich komputery zostały skonfiskowane. Rząd odrzucił wszelką krytykę.',
  ],
};

describe('untranslated', () => {
  const paragraphs = article.split('\n\n');
  for (const [name, [, paragraph]] of Object.entries(FOREIGN)) {
    it(`finds a ${name} paragraph in the English article`, () => {
      const text = [...paragraphs.slice(0, 4), paragraph, ...paragraphs.slice(4, 6)].join('\n\n');
      const result = findings(text, 'untranslated');
      expect(result).toHaveLength(1);
      expect(result[0].message).toMatch(new RegExp(`^Unexpected ${name} (paragraph|sentences?), expected English$`));
      expect(text.slice(result[0].offset, result[0].offset + 12)).toBe(paragraph.slice(0, 12));
    });
  }

  it('finds the opening lines of public-domain novels in six languages between English paragraphs', () => {
    // Cervantes (1605), Hugo (1862), Kafka (1915), Manzoni (1840), Machado de Assis (1899), Multatuli (1860).
    const novels: Array<[string, string]> = [
      [
        'Spanish',
        'En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha mucho tiempo que vivía un hidalgo de los de lanza en astillero, adarga antigua, rocín flaco y galgo corredor.',
      ],
      [
        'French',
        "En 1815, M. Charles-François-Bienvenu Myriel était évêque de Digne. C'était un vieillard d'environ soixante-quinze ans; il occupait le siège de Digne depuis 1806.",
      ],
      [
        'German',
        'Als Gregor Samsa eines Morgens aus unruhigen Träumen erwachte, fand er sich in seinem Bett zu einem ungeheueren Ungeziefer verwandelt.',
      ],
      [
        'Italian',
        'Quel ramo del lago di Como, che volge a mezzogiorno, tra due catene non interrotte di monti, tutto a seni e a golfi, a seconda dello sporgere e del rientrare di quelli, vien, quasi a un tratto, a ristringersi.',
      ],
      [
        'Portuguese',
        'Uma noite destas, vindo da cidade para o Engenho Novo, encontrei no trem da Central um rapaz aqui do bairro, que eu conheço de vista e de chapéu.',
      ],
      [
        'Dutch',
        'Ik ben makelaar in koffie, en woon op de Lauriergracht, No. 37. Het is mijn gewoonte niet, romans te schrijven, of zulke dingen, en het heeft dan ook lang geduurd, voordat ik er toe overging een paar riem papier extra te bestellen.',
      ],
    ];
    for (const [name, passage] of novels) {
      const text = `The police raided the offices of several human rights groups on Wednesday morning.\n\n${passage}\n\nMany journalists were questioned for hours, and their computers were seized.`;
      const result = findings(text, 'untranslated');
      expect(result.map((f) => f.message.replace(/ (paragraph|sentences?),/u, ','))).toEqual([
        `Unexpected ${name}, expected English`,
      ]);
      // Inside the passage (the French name-laden first sentence is left alone).
      expect(result[0].offset).toBeGreaterThanOrEqual(text.indexOf(passage));
      expect(result[0].endOffset).toBeLessThanOrEqual(text.indexOf(passage) + passage.length);
    }
  });

  it('finds a single long foreign sentence between English ones', () => {
    for (const name of ['German', 'French', 'Spanish', 'Italian', 'Portuguese']) {
      const sentence = FOREIGN[name][1].split(/(?<=\.) /)[0];
      const text = `Police raided the offices of several groups on Wednesday. ${sentence} Many journalists were questioned for hours.`;
      expect(findings(text, 'untranslated').map((f) => f.message)).toEqual([
        `Unexpected ${name} sentence, expected English`,
      ]);
    }
  });

  it('treats German as the document language in a German document', () => {
    const german = FOREIGN.German[1];
    expect(findings(german, 'untranslated', undefined, 'de')).toEqual([]);
    const english = 'The police questioned many journalists for several hours on Wednesday morning.';
    expect(findings(`${german} ${english}`, 'untranslated', undefined, 'de').map((f) => f.message)).toEqual([
      'Unexpected English sentence, expected German',
    ]);
    // Detection: a German document linted with the default language is judged as German.
    expect(findings(german, 'untranslated')).toEqual([]);
  });

  it('stays quiet on names, quotations, short sentences and the article', () => {
    const text =
      'Roman Pratasevich, Sofia Sapega, Pavel Marinich and Artem Shraibman were named. The crowd chanted “Liberté, égalité, fraternité, pour toujours et à jamais” outside. Vive la France!';
    expect(findings(text, 'untranslated')).toEqual([]);
    expect(findings(article, 'untranslated')).toEqual([]);
    expect(findings(CLEAN, 'untranslated')).toEqual([]);
  });
});

describe('sentence-case', () => {
  it('finds and fixes lower-case sentence starts in MT output', () => {
    const text =
      'The prevalence in this patient group is > 20 %. there is increasing evidence. The risk is distinguished. prevention measures help.';
    expect(findings(text, 'sentence-case').map((f) => f.actual)).toEqual(['there', 'prevention']);
    const { output } = fixText(text, { config: { extends: [], rules: { 'sentence-case': 'warn' } } });
    expect(output).toContain('%. There is');
    expect(output).toContain('distinguished. Prevention');
  });

  it('accepts ellipses, quoted questions, abbreviations, names and German ordinals', () => {
    expect(findings(CLEAN, 'sentence-case')).toEqual([]);
    expect(findings('Tested against 15 M. pachydermatis isolates and 8 ft. long proteins.', 'sentence-case')).toEqual(
      [],
    );
    expect(findings('Er kam am 3. mai, z. B. mit dem Zug, bzw. dem Bus.', 'sentence-case', undefined, 'de')).toEqual(
      [],
    );
    expect(findings('The police left the building. innocent drinks won.', 'sentence-case')).toHaveLength(1);
    expect(
      findings('The police left the building. innocent drinks won.', 'sentence-case', { allow: ['innocent'] }),
    ).toEqual([]);
    expect(findings(article, 'sentence-case')).toEqual([]);
  });

  it('accepts the abbreviations of scientific text, numbered list items and lower-case brands', () => {
    const text = [
      'Strains of Candida spp. were isolated from the samples. Pseudomonas sp. strain PA1 grew well.',
      'The cultivar Vitis vinifera cv. merlot and var. alba were used, as in Vol. three and ch. four of the report.',
      'The list: i. red apples and pears ii. green pears and plums iii. yellow plums and figs.',
      'The team measured conc. levels and wt. changes after two wks. of treatment in all groups.',
      'Patients were observed for 3 mos. or longer, and the mean age was 45 yrs. at baseline.',
      'The text was in sect. two and suppl. table three, incl. those with esp. severe symptoms.',
      'The developers use npm. npm installs the packages quickly.',
    ].join('\n\n');
    expect(findings(text, 'sentence-case')).toEqual([]);
  });

  it('counts a sentence from the last real sentence end, not from an abbreviation inside it', () => {
    const text = [
      'Treatment was given i.v. or s.c. twice daily. the rest was oral.',
      'Results were significant (p < 0.05 vs. control). the effect size was moderate.',
      'The isolates were community-acquired E. faecalis bacteraemia. according to recent studies, the rate rose.',
    ].join('\n\n');
    expect(findings(text, 'sentence-case').map((f) => f.actual)).toEqual(['the', 'the', 'according']);
  });

  it('checks paragraph starts only when asked', () => {
    expect(findings('the police arrived.', 'sentence-case')).toEqual([]);
    expect(findings('the police arrived.', 'sentence-case', { paragraphStart: true })).toHaveLength(1);
  });
});

describe('repeated-phrase and repeated-words', () => {
  it('finds and fixes phrases repeated back to back, keeping the first copy', () => {
    const text =
      'The maximum limits of HR in the groups of subjects in the groups of subjects were high, within the frame of the frame of the study.';
    const result = findings(text, 'repeated-phrase');
    expect(result.map((f) => f.message)).toEqual([
      'Unexpected repeated `in the groups of subjects`, remove one occurrence',
      'Unexpected repeated `the frame of`, remove one occurrence',
    ]);
    const { output } = fixText(text, { config: { extends: [], rules: { 'repeated-phrase': 'warn' } } });
    expect(output).toBe('The maximum limits of HR in the groups of subjects were high, within the frame of the study.');
  });

  it('finds loops, three turns of a phrase at most a word apart', () => {
    const text =
      'See "Prevention of psoriasis" and "Epidemiology of psoriasis" and "Epidemiology of psoriasis" and "Epidemiology of psoriasis".';
    expect(findings(text, 'repeated-phrase')[0].message).toMatch(/^Unexpected `.+` repeated 3 times in one sentence$/);
  });

  it('stays quiet on parallel structure in correct English', () => {
    const text =
      'Autologous blood transfusion includes prestored autologous blood transfusion, hemodilution autologous blood transfusion and intraoperative salvage. Negative 120 degrees, negative 120 degrees, 0 degrees.';
    expect(findings(text, 'repeated-phrase')).toEqual([]);
    expect(findings(CLEAN, 'repeated-phrase')).toEqual([]);
    expect(findings(article, 'repeated-phrase')).toEqual([]);
  });

  it('takes lists of measurements and parallel phrases for what they are, not loops', () => {
    const text = [
      'The vials were cycled between temperatures (-20 °C; 20 °C; -20 °C) and doses of 100 mg, 100 mg and 100 mg.',
      'The pump ran at 1000 rpm; 1000 rpm; 1000 rpm in the three runs.',
      'They were the same size, the same colour, the same shape.',
      'The wheel spun faster and faster and then faster and faster again, and the crowd grew bigger and bigger.',
    ].join(' ');
    expect(findings(text, 'repeated-phrase').map((f) => f.actual)).toEqual([]);
    // A loop is still a loop when a turn comes back whole, and a stutter is still a stutter.
    const loops =
      'It is a process of learning, a process of growing, a process of learning again. It got faster and faster faster and faster. Insects see blue and blue and ultraviolet.';
    expect(findings(loops, 'repeated-phrase').map((f) => f.message)).toEqual([
      'Unexpected `a process of` repeated 3 times in one sentence',
      'Unexpected repeated `faster and faster`, remove one occurrence',
      'Unexpected repeated `blue and`, remove one occurrence',
    ]);
  });

  it('repeated-words leaves correct repeats alone: trinomials, initials, reduplicated names and slogans', () => {
    const correct = [
      'The Alpine ibex (Capra ibex ibex) and the Siberian tiger, Panthera tigris tigris, live there.',
      'Gorilla gorilla gorilla is the western lowland gorilla; Homo sapiens sapiens is us.',
      'Army chief General M M Naravane met J J Thomson.',
      'Kenyans marked Saba Saba day, and she waved and said "bye bye" and "tata tata" to us.',
      'What a country is is a sum of its people. All he is is tired. He had had enough; she said that that was fine.',
    ].join(' ');
    expect(findings(correct, 'repeated-words').map((f) => f.actual)).toEqual([]);
    // Stutters of the same shapes are still found.
    const stutters = [
      'The the police came. In Minsk the the police left; I I think so.',
      'The President Lukashenko Lukashenko said the country is is a sum, and the status status stays.',
      'It was checked with the «test test». So flies flies love this in South Africa Africa.',
    ].join(' ');
    expect(findings(stutters, 'repeated-words').map((f) => f.actual)).toEqual([
      'The the',
      'the the',
      'I I',
      'Lukashenko Lukashenko',
      'is is',
      'status status',
      'test test',
      'flies flies',
      'Africa Africa',
    ]);
  });

  it('repeated-words allows German relative pronouns and keeps its fix to plain white space', () => {
    expect(
      findings('Das ist eine Pflanze, die die erste Pflanze nachahmt.', 'repeated-words', undefined, 'de'),
    ).toEqual([]);
    expect(findings(CLEAN, 'repeated-words')).toEqual([]);
    const markdown = lint('Police raided the *the* homes.', {
      filePath: 'news.md',
      config: { extends: [], rules: { 'repeated-words': 'warn' } },
    }).findings;
    expect(markdown).toHaveLength(1);
    expect(markdown[0].fix).toBeUndefined();
  });

  it('repeated-words takes a doubled Pinyin syllable for a Chinese name, not a stutter', () => {
    const names =
      'The pianist Lang Lang played in Beijing. The Wuhan writer Fang Fang kept a diary. The pandas Mei Xiang and Tian Tian left the zoo, and Bao Bao flew to China.';
    expect(findings(names, 'repeated-words')).toEqual([]);
    // Stutters of the same shape are still found: English words, and words that are no Pinyin syllable.
    const stutters =
      'In In 1876, the survey began. He He said the Review of Health Services Services (RHS) was late. So So it will cost about about $5 million.';
    expect(findings(stutters, 'repeated-words').map((f) => f.actual)).toEqual([
      'In In',
      'He He',
      'Services Services',
      'So So',
      'about about',
    ]);
  });
});

describe('long-sentence', () => {
  it('finds the comma splices of the sample article and stays quiet on subordinate clauses', () => {
    const result = findings(article, 'long-sentence');
    expect(
      result.some(
        (f) => f.message === 'Unexpected comma splice before `it turns`, expected a full stop or a semicolon',
      ),
    ).toBe(true);
    expect(
      findings(
        'If you ask them, they will answer. When the police came, we left. We will stop, he said.',
        'long-sentence',
      ),
    ).toEqual([]);
  });

  it('counts words against maxWords', () => {
    const text = `${'word '.repeat(45).trim()}.`;
    expect(findings(text, 'long-sentence', { commaSplices: false })).toHaveLength(1);
    expect(findings(text, 'long-sentence', { maxWords: 50 })).toEqual([]);
  });
});

describe('name-consistency', () => {
  it('finds The Daily Beast and the Daily Beast in the sample article, each pointing at the other', () => {
    const result = findings(article, 'name-consistency');
    const beast = result.filter((f) => /Daily Beast/.test(f.message));
    expect(beast.map((f) => f.actual)).toEqual(['The Daily Beast', 'the Daily Beast']);
    expect(beast[0].related?.[0].offset).toBe(beast[1].offset);
    expect(beast[1].related?.[0].offset).toBe(beast[0].offset);
  });

  it('finds capitalisation and transliteration variants, and not sentence-initial capitals', () => {
    const text =
      'Roman Pratasevich was detained by the Belarusian Association of Journalists. Later the Belarusian association of journalists said Protasevich was fine. The Kremlin agreed, and the Kremlin said so.';
    const result = findings(text, 'name-consistency');
    expect(result.map((f) => f.actual).sort()).toEqual([
      'Belarusian Association of Journalists',
      'Belarusian association of journalists',
      'Pratasevich',
      'Protasevich',
    ]);
    expect(findings(CLEAN, 'name-consistency')).toEqual([]);
    expect(findings('Die Schwarzen Löcher und die schwarzen Löcher.', 'name-consistency', undefined, 'de')).toEqual([]);
  });
});
