/** The config cascade, its validation and inline control comments. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, ConfigResolver, lint, loadConfigFile, presetConfig, rules } from '../src/index.js';
import { runMtlint, tempDir } from './helpers/cli.js';

let dir: { path: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir('mtlint-config-');
});
afterEach(() => dir.cleanup());

function write(path: string, content: string): string {
  const full = join(dir.path, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return full;
}

describe('presets', () => {
  it('recommended has only recommended rules; all has every rule', () => {
    const recommended = presetConfig('mtlint:recommended');
    const all = presetConfig('mtlint:all');
    expect([...recommended.rules.keys()].sort()).toEqual(
      rules
        .filter((rule) => rule.meta.recommended)
        .map((rule) => rule.meta.id)
        .sort(),
    );
    expect(all.rules.size).toBe(rules.length);
    expect(recommended.rules.has('readability')).toBe(false);
  });

  it('strict is recommended plus the strict rules, and an extends target', () => {
    const strict = presetConfig('mtlint:strict');
    expect([...strict.rules.keys()].sort()).toEqual(
      rules
        .filter((rule) => rule.meta.recommended || rule.meta.strict)
        .map((rule) => rule.meta.id)
        .sort(),
    );
    expect(strict.rules.has('number-format')).toBe(true);
    expect(strict.rules.has('readability')).toBe(false);
    expect(presetConfig('mtlint:recommended').rules.has('number-format')).toBe(false);
    expect(presetConfig('mtlint:recommended').rules.has('doubled-punctuation')).toBe(true);
    write('.mtlintrc.json', '{"root": true, "extends": "mtlint:strict"}');
    const resolved = new ConfigResolver().forFile(join(dir.path, 'article.txt'));
    expect([...resolved.rules.keys()].sort()).toEqual([...strict.rules.keys()].sort());
  });
});

describe('config cascade', () => {
  it('nearest config wins, farther ones still apply, root stops the search', () => {
    write('.mtlintrc.json', JSON.stringify({ rules: { 'repeated-phrase': 'off', readability: 'warn' } }));
    write('a/.mtlintrc.yaml', 'rules:\n  doubled-punctuation: error\n');
    write('a/b/package.json', JSON.stringify({ name: 'x', mtlint: { rules: { 'doubled-punctuation': 'warn' } } }));
    write('c/.mtlintrc.yml', 'root: true\n');
    const resolver = new ConfigResolver();
    const inA = resolver.forFile(join(dir.path, 'a/file.txt'));
    expect(inA.rules.get('doubled-punctuation')?.severity).toBe('error');
    expect(inA.rules.has('repeated-phrase')).toBe(false);
    expect(inA.rules.has('readability')).toBe(true);
    const inB = resolver.forFile(join(dir.path, 'a/b/file.txt'));
    expect(inB.rules.get('doubled-punctuation')?.severity).toBe('warn');
    expect(inB.rules.has('readability')).toBe(true);
    const inC = resolver.forFile(join(dir.path, 'c/file.txt'));
    // root: true — the parent's settings do not apply.
    expect(inC.rules.has('repeated-phrase')).toBe(true);
    expect(inC.rules.has('readability')).toBe(false);
  });

  it('a package.json without an mtlint key is not a config', () => {
    write('package.json', JSON.stringify({ name: 'content' }));
    expect(loadConfigFile(join(dir.path, 'package.json'))).toBeUndefined();
  });

  it('extends presets and files inside the project; overrides by glob', () => {
    write('shared/base.yaml', 'rules:\n  readability: ["warn", { "age": 18 }]\n');
    write(
      '.mtlintrc.json',
      JSON.stringify({
        root: true,
        extends: ['mtlint:recommended', './shared/base.yaml'],
        overrides: [{ files: ['news/**/*.md'], rules: { 'repeated-phrase': 'error' } }],
      }),
    );
    const resolver = new ConfigResolver({ projectRoot: dir.path });
    const news = resolver.forFile(join(dir.path, 'news/2024/a.md'));
    expect(news.rules.get('readability')).toEqual({ severity: 'warn', options: { age: 18 } });
    expect(news.rules.get('repeated-phrase')?.severity).toBe('error');
    const other = resolver.forFile(join(dir.path, 'blog/a.md'));
    expect(other.rules.get('repeated-phrase')?.severity).toBe('warn');
  });

  it('extends [] starts from no rules', () => {
    write('.mtlintrc.json', JSON.stringify({ root: true, extends: [], rules: { 'repeated-phrase': 'warn' } }));
    const config = new ConfigResolver().forFile(join(dir.path, 'a.txt'));
    expect([...config.rules.keys()]).toEqual(['repeated-phrase']);
  });

  it('--config uses one file only; --no-config uses the defaults', () => {
    write('.mtlintrc.json', JSON.stringify({ rules: { 'repeated-phrase': 'off' } }));
    const other = write('other.json', JSON.stringify({ rules: { readability: 'error' } }));
    const only = new ConfigResolver({ configFile: other }).forFile(join(dir.path, 'a.txt'));
    expect(only.rules.has('repeated-phrase')).toBe(true);
    expect(only.rules.get('readability')?.severity).toBe('error');
    const none = new ConfigResolver({ noConfig: true }).forFile(join(dir.path, 'a.txt'));
    expect([...none.rules.keys()].sort()).toEqual([...presetConfig('mtlint:recommended').rules.keys()].sort());
  });
});

describe('config errors name the file and the key', () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      '.mtlintrc.json',
      '{"rules": {"no-such-rule": "warn"}}',
      /\.mtlintrc\.json:1:12: rules\.no-such-rule: unknown rule `no-such-rule`/,
    ],
    ['.mtlintrc.json', '{"rules": {"readability": "loud"}}', /rules\.readability: invalid severity "loud"/],
    [
      '.mtlintrc.json',
      '{"rules": {"readability": ["warn", {"agee": 3}]}}',
      /rules\.readability\.agee: unknown option `agee`/,
    ],
    [
      '.mtlintrc.json',
      '{"rules": {"readability": ["warn", {"age": "old"}]}}',
      /rules\.readability\.age: expected a number, got a string/,
    ],
    ['.mtlintrc.json', '{"rules": ', /\.mtlintrc\.json:1:11: invalid JSON: value expected$/],
    [
      '.mtlintrc.json',
      '{\n  "rules": {\n    "a": 1\n    "b": 2\n  }\n}',
      /\.mtlintrc\.json:4:5: invalid JSON: comma expected$/,
    ],
    ['.mtlintrc.yaml', 'rules: [unclosed', /\.mtlintrc\.yaml:1:\d+: invalid YAML/],
    [
      '.mtlintrc.json',
      '{\n  // a comment\n  "rules": {\n    "doubled-punctuation": "warn",\n    "no-such-rule": "warn",\n  },\n}',
      /\.mtlintrc\.json:5:5: rules\.no-such-rule: unknown rule `no-such-rule`/,
    ],
    [
      '.mtlintrc.yaml',
      'rules:\n  doubled-punctuation: warn\noverrides:\n  - files: "*.txt"\n    rules:\n      nope: off\n',
      /\.mtlintrc\.yaml:6:7: overrides\[0\]\.rules\.nope: unknown rule `nope`/,
    ],
    ['package.json', '{"name": "x",\n "mtlint": {"language": "english"}}', /package\.json:2:13: language: must be/],
    [
      '.mtlintrc.json',
      '{"rules": {"doubled-punctation": "warn"}}',
      /unknown rule `doubled-punctation`; did you mean `doubled-punctuation`\?/,
    ],
    ['.mtlintrc.json', '{"plugins": ["x"]}', /\.mtlintrc\.json:1:2: plugins: unknown key `plugins`/],
    ['.mtlintrc.json', '{"extends": "mtlint:strictest"}', /extends: unknown preset `mtlint:strictest`/],
    ['.mtlintrc.json', '{"extends": "eslint-config-evil"}', /extends: `eslint-config-evil` must be a built-in preset/],
    ['.mtlintrc.json', '{"overrides": [{"rules": {}}]}', /overrides\[0\]\.files: must be a glob/],
    [
      '.mtlintrc.json',
      '{"rules": {"readability": ["warn", {"age": "old"}]}}',
      /\.mtlintrc\.json:1:12: rules\.readability\.age/,
    ],
  ];
  for (const [name, content, pattern] of cases) {
    it(`${content}`, () => {
      write(name, content);
      const resolver = new ConfigResolver({ projectRoot: dir.path });
      let error: unknown;
      try {
        resolver.forFile(join(dir.path, 'a.txt'));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(pattern);
      expect((error as Error).message.split('\n')).toHaveLength(1);
    });
  }

  it('a YAML config the yaml parser warns about gives one line on stderr, no Node warning banner', () => {
    write('.mtlintrc.yaml', '? [a]\n: b\n');
    write('a.txt', 'Fine.\n');
    const run = runMtlint(['a.txt'], { cwd: dir.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mtlint: .*\.mtlintrc\.yaml.*unknown key/);
    expect(run.stderr).not.toMatch(/Warning|trace-warnings/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('extends cannot reach outside the project, not even through a symlink', () => {
    const outside = tempDir('mtlint-outside-');
    try {
      writeFileSync(join(outside.path, 'evil.json'), '{"rules": {}}');
      const project = join(dir.path, 'project');
      mkdirSync(project);
      symlinkSync(join(outside.path, 'evil.json'), join(project, 'link.json'));
      writeFileSync(join(project, '.mtlintrc.json'), JSON.stringify({ root: true, extends: './link.json' }));
      expect(() => new ConfigResolver({ projectRoot: project }).forFile(join(project, 'a.txt'))).toThrow(
        /outside the project/,
      );
      writeFileSync(join(project, '.mtlintrc.json'), JSON.stringify({ root: true, extends: '../../x.json' }));
      expect(() => new ConfigResolver({ projectRoot: project }).forFile(join(project, 'b/a.txt'))).toThrow(ConfigError);
    } finally {
      outside.cleanup();
    }
  });
});

describe('inline control comments', () => {
  const config = { extends: [], rules: { 'doubled-punctuation': 'warn', 'space-before-punctuation': 'warn' } } as const;
  const ids = (text: string, format: 'md' | 'html' | 'txt', extra: object = {}) =>
    lint(text, { format, config: { ...config, ...extra } }).findings.map(
      (finding) => `${finding.line}:${finding.ruleId}`,
    );

  it('Markdown: disable/enable a rule, disable all, disable the next line', () => {
    const text = [
      'One ,, two.',
      '',
      '<!-- mtlint-disable doubled-punctuation -->',
      '',
      'Three ,, four.',
      '',
      '<!-- mtlint-enable doubled-punctuation -->',
      '',
      'Five ,, six.',
      '',
      '<!-- mtlint-disable-next-line -->',
      'Seven ,, eight.',
      '',
      '<!-- mtlint-disable -->',
      '',
      'Nine ,, ten.',
    ].join('\n');
    expect(ids(text, 'md')).toEqual([
      '1:space-before-punctuation',
      '1:doubled-punctuation',
      '5:space-before-punctuation',
      '9:space-before-punctuation',
      '9:doubled-punctuation',
    ]);
  });

  it('HTML: the same comments', () => {
    const text =
      '<p>One ,, two.</p>\n<!-- mtlint-disable-next-line space-before-punctuation -->\n<p>Three ,, four.</p>';
    expect(ids(text, 'html')).toEqual(['1:space-before-punctuation', '1:doubled-punctuation', '3:doubled-punctuation']);
  });
});

describe('control comments in plain text and their own problems', () => {
  const config = { extends: [], rules: { 'doubled-punctuation': 'warn', 'space-before-punctuation': 'warn' } } as const;
  const run = (text: string, extra: object = {}) =>
    lint(text, { format: 'txt', config: { ...config, ...extra } }).findings.map(
      (finding) => `${finding.line}:${finding.ruleId}:${finding.severity}`,
    );

  it('plain text takes the same comments on a line of their own, and they are not prose', () => {
    const text = [
      'One ,, two.',
      '<!-- mtlint-disable-next-line doubled-punctuation -->',
      'Three ,, four.',
      '',
      '<!-- mtlint-disable -->',
      'Five ,, six.',
    ].join('\n');
    expect(run(text)).toEqual([
      '1:space-before-punctuation:1',
      '1:doubled-punctuation:1',
      '3:space-before-punctuation:1',
    ]);
    // Inside a sentence it is text, not a comment.
    expect(run('He typed <!-- mtlint-disable --> and One ,, two.')).toHaveLength(2);
  });

  it('a misspelt rule in a comment is an error with a suggestion', () => {
    const findings = lint('<!-- mtlint-disable-next-line doubled-punctation -->\nOne ,, two.', {
      format: 'txt',
      config,
    }).findings;
    const problem = findings.find((finding) => finding.ruleId === 'inline-config');
    expect(problem?.severity).toBe(2);
    expect(problem?.message).toBe(
      'Unknown rule `doubled-punctation` in `mtlint-disable-next-line`; did you mean `doubled-punctuation`?',
    );
    expect(problem?.line).toBe(1);
  });

  it('reports comments that silence nothing only when asked, at the asked severity', () => {
    const text = '<!-- mtlint-disable-next-line doubled-punctuation -->\nA clean line.';
    expect(run(text, {})).toEqual([]);
    expect(run(text, { reportUnusedDisableDirectives: 'error' })).toEqual(['1:inline-config:2']);
    const md = '<!-- mtlint-disable -->\n\nAll clean.\n';
    const mdFindings = lint(md, {
      format: 'md',
      config: { ...config, reportUnusedDisableDirectives: 'warn' },
    }).findings;
    expect(mdFindings.map((finding) => `${finding.line}:${finding.ruleId}:${finding.severity}`)).toEqual([
      '1:inline-config:1',
    ]);
  });

  it('noInlineConfig ignores every comment, and a misspelt rule in one is then no error', () => {
    const text = '<!-- mtlint-disable doubled-punctation -->\nOne ,, two.';
    expect(run(text, { noInlineConfig: true })).toEqual(['2:space-before-punctuation:1', '2:doubled-punctuation:1']);
  });

  it('rejects linter options of the wrong type', () => {
    expect(() => lint('x', { config: { noInlineConfig: 'yes' } as never })).toThrow(
      /noInlineConfig: must be true or false/,
    );
    expect(() => lint('x', { config: { reportUnusedDisableDirectives: 2 } as never })).toThrow(
      /reportUnusedDisableDirectives: must be "off", "warn" or "error"/,
    );
  });
});

describe('JSON config with comments', () => {
  it('reads line and block comments and trailing commas, as tsconfig.json does', () => {
    write(
      '.mtlintrc.json',
      '{\n  /* house rules */\n  "rules": {\n    // too noisy for us\n    "doubled-punctuation": "off",\n  },\n}\n',
    );
    const config = new ConfigResolver({ projectRoot: dir.path }).forFile(join(dir.path, 'a.txt'));
    expect(config.rules.has('doubled-punctuation')).toBe(false);
    expect(config.rules.has('quote-balance')).toBe(true);
  });
});
