/** The CLI end to end: the built binary, spawned as a user or a CI job would. */
import { chmodSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMtlint, tempDir } from './helpers/cli.js';

let dir: { path: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir('mtlint-cli-');
});
afterEach(() => dir.cleanup());

const file = (name: string, content: string | Buffer) => {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
};

describe('linting the samples', () => {
  it('prints findings at the right positions in every format', () => {
    const run = runMtlint(['samples/']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /samples\/belarus-mt-article\.txt\n(?:.*\n)*? +13:128 +warning +Unexpected space in `\$ 500`, expected `\$500` +currency-spacing/,
    );
    expect(run.stdout).toMatch(
      /samples\/belarus-mt-article\.md\n(?:.*\n)*? +14:55 +warning +Unexpected space in `\$ 500`, expected `\$500`/,
    );
    expect(run.stdout).toMatch(
      /samples\/belarus-mt-article\.html\n(?:.*\n)*? +12:62 +warning +Unexpected space in `\$ 500`, expected `\$500`/,
    );
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('lints the current folder by default', () => {
    file('a.txt', 'One , two.\n');
    const run = runMtlint([], { cwd: dir.path });
    expect(run.stdout).toContain('a.txt');
    expect(run.stdout).toContain('space-before-punctuation');
  });
});

describe('standard input', () => {
  it('reads plain text from -', () => {
    const run = runMtlint(['-', '--format', 'json'], { input: 'Hello , world.' });
    const [result] = JSON.parse(run.stdout);
    expect(result.filePath).toBe('<stdin>');
    expect(result.messages[0]).toMatchObject({ ruleId: 'space-before-punctuation', line: 1, column: 6 });
  });

  it('--stdin-filename picks the format and the config', () => {
    file('.mtlintrc.json', '{"rules": {"space-before-punctuation": "error"}}');
    const input = 'Code `a , b` and text , here.';
    const run = runMtlint(['-', '--stdin-filename', 'post.md', '-f', 'json'], { input, cwd: dir.path });
    const [result] = JSON.parse(run.stdout);
    expect(result.filePath).toBe(join(dir.path, 'post.md'));
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ severity: 2, column: 22 });
    expect(run.code).toBe(1);
  });

  it('--fix-dry-run on stdin returns the fixed text', () => {
    const run = runMtlint(['-', '--fix-dry-run', '-f', 'json'], { input: 'One , $ 2 .' });
    expect(JSON.parse(run.stdout)[0].output).toBe('One, $2.');
  });
});

describe('formats and output', () => {
  it('json, sarif and github are machine-readable', () => {
    const path = file('a.txt', 'One , $ 2.\n');
    const json = JSON.parse(runMtlint([path, '-f', 'json']).stdout);
    expect(json[0].warningCount).toBe(2);
    const sarif = JSON.parse(runMtlint([path, '-f', 'sarif']).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(2);
    const github = runMtlint(['a.txt', '-f', 'github'], { cwd: dir.path }).stdout;
    expect(github).toContain(
      '::warning file=a.txt,line=1,col=7,endLine=1,endColumn=10,title=mtlint (currency-spacing)::',
    );
  });

  it('-o writes the report to a file', () => {
    const path = file('a.txt', 'One , $ 2.\n');
    const run = runMtlint([path, '-f', 'json', '-o', join(dir.path, 'report.json')]);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir.path, 'report.json'), 'utf8'))[0].messages).toHaveLength(2);
  });

  it('colours only when asked, never with NO_COLOR', () => {
    const path = file('a.txt', 'One , two.\n');
    expect(runMtlint([path, '--color']).stdout).toContain('\u001b[');
    expect(runMtlint([path]).stdout).not.toContain('\u001b[');
    expect(runMtlint([path], { env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(runMtlint([path], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(runMtlint([path], { env: { FORCE_COLOR: '0' } }).stdout).not.toContain('\u001b[');
  });

  it('closes with the count of problems and of those --fix can fix', () => {
    const path = file('a.txt', 'One , two , three\n');
    const run = runMtlint([path, '--rule', 'quote-balance:error']);
    expect(run.stdout).toMatch(
      /\n\n⚠ 2 problems \(0 errors, 2 warnings\)\n {2}0 errors and 2 warnings potentially fixable with the `--fix` option\.\n$/,
    );
  });

  it('writes one line per finding with -f compact and -f unix', () => {
    const path = file('a.txt', 'One , two.\n');
    expect(runMtlint([path, '-f', 'unix'], { cwd: dir.path }).stdout).toBe(
      'a.txt:1:4: Unexpected space before `,` [Warning/space-before-punctuation]\n\n1 problem\n',
    );
    expect(runMtlint([path, '-f', 'compact'], { cwd: dir.path }).stdout).toBe(
      'a.txt: line 1, col 4, Warning - Unexpected space before `,` (space-before-punctuation)\n\n1 problem\n',
    );
  });
});

describe('exit codes', () => {
  it('0 with warnings only, 1 with errors, --quiet shows errors only', () => {
    const path = file('a.txt', 'One , two , three $ 5.\n');
    expect(runMtlint([path]).code).toBe(0);
    const strict = runMtlint([path, '--rule', 'currency-spacing:error']);
    expect(strict.code).toBe(1);
    const quiet = runMtlint([path, '--rule', 'currency-spacing:error', '--quiet', '-f', 'json']);
    expect(JSON.parse(quiet.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['currency-spacing']);
  });

  it('--max-warnings', () => {
    const path = file('a.txt', 'One , $ 2.\n');
    expect(runMtlint([path, '--max-warnings', '2']).code).toBe(0);
    const over = runMtlint([path, '--max-warnings', '1']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings (2)');
  });

  it('2 for usage errors, each a single line without a stack trace', () => {
    for (const args of [
      ['--format', 'xml'],
      ['--rule', 'no-such-rule:warn'],
      ['--rule', 'doubled-punctuation:loud'],
      ['--max-warnings', 'many'],
      ['--no-such-flag'],
    ]) {
      const run = runMtlint([...args, dir.path]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^mtlint: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('2 for a broken config, naming the file and key', () => {
    file('.mtlintrc.json', '{"rules": {"doubled-punctuation": ["warn", {"nope": 1}]}}');
    file('a.txt', 'text');
    const run = runMtlint(['.'], { cwd: dir.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.mtlintrc.json:1:12: rules.doubled-punctuation.nope: unknown option `nope`');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('bad input: one line per file, the others still linted, exit 2', () => {
  it('missing, binary, invalid UTF-8 and too large files', () => {
    const good = file('good.txt', 'One , two.\n');
    file('binary.txt', Buffer.from([0x48, 0x00, 0x49, 0x00]));
    file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    file('big.txt', 'word '.repeat(400));
    const run = runMtlint(
      [good, 'missing.txt', 'binary.txt', 'latin1.txt', 'big.txt', '--max-file-size', '1000', '-f', 'json'],
      { cwd: dir.path },
    );
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(run.stderr).toContain('missing.txt: no such file or directory');
    expect(run.stderr).toMatch(/binary\.txt: binary file/);
    expect(run.stderr).toMatch(/latin1\.txt: invalid UTF-8 at byte 3/);
    expect(run.stderr).toMatch(/big\.txt: file is 2\.0 KB, over the limit/);
    const results = JSON.parse(run.stdout);
    expect(results.map((result: { filePath: string }) => result.filePath)).toEqual([good]);
  });
});

describe('--fix', () => {
  it('fixes in place, keeping the BOM, CRLF line endings and file mode', () => {
    const path = file('a.txt', '\uFEFFOne , two.\r\nThree the the end .\r\n');
    chmodSync(path, 0o640);
    const run = runMtlint([path, '--fix']);
    expect(run.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('\uFEFFOne, two.\r\nThree the end.\r\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(run.stdout).toBe('');
  });

  it('fixes Markdown without touching markup or code', () => {
    const source = '# Title , here\n\nSome *emph* , and `code , x` for $ 5 .\n\n```\nblock , $ 5\n```\n';
    const path = file('a.md', source);
    runMtlint([path, '--fix']);
    expect(readFileSync(path, 'utf8')).toBe(
      '# Title, here\n\nSome *emph*, and `code , x` for $5.\n\n```\nblock , $ 5\n```\n',
    );
  });

  it('leaves files without fixes untouched', () => {
    const path = file('clean.txt', 'Nothing to fix here.\n');
    utimesSync(path, new Date(2000, 1, 1), new Date(2000, 1, 1));
    const before = statSync(path).mtimeMs;
    runMtlint([path, '--fix']);
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('--fix-dry-run reports the output without writing', () => {
    const path = file('a.txt', 'One , $ 2.');
    const run = runMtlint([path, '--fix-dry-run', '-f', 'json']);
    expect(JSON.parse(run.stdout)[0].output).toBe('One, $2.');
    expect(readFileSync(path, 'utf8')).toBe('One , $ 2.');
  });

  it('--quiet --fix-dry-run keeps the fixed text', () => {
    const path = file('a.txt', 'One , $ 2.');
    const run = runMtlint([path, '--quiet', '--fix-dry-run', '-f', 'json']);
    expect(JSON.parse(run.stdout)[0].output).toBe('One, $2.');
    const stdin = runMtlint(['-', '--quiet', '--fix-dry-run', '-f', 'json'], { input: 'One , $ 2.' });
    expect(JSON.parse(stdin.stdout)[0].output).toBe('One, $2.');
  });
});

describe('information', () => {
  it('--version, --help, --list-rules, --print-config', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8'));
    expect(runMtlint(['--version']).stdout.trim()).toBe(pkg.version);
    expect(runMtlint(['--help']).stdout).toContain('Exit codes');
    const list = runMtlint(['--list-rules']).stdout;
    expect(list).toMatch(/^rule +preset +severity +fixable +options +description\n-+ +-+/);
    expect(list).toMatch(/^doubled-punctuation +recommended +warn +yes +- +Doubled/m);
    expect(list).toMatch(/^number-format +strict +warn +/m);
    expect(list).toMatch(/^space-before-punctuation +recommended +warn +yes +- +White space/m);
    expect(list).toMatch(/^readability +all +warn +no +age=\d+/m);
    file('.mtlintrc.json', '{"rules": {"readability": ["error", {"age": 12}]}}');
    const printed = JSON.parse(runMtlint(['--print-config', 'a.md'], { cwd: dir.path }).stdout);
    expect(printed.rules.readability[0]).toBe('error');
    expect(printed.rules.readability[1].age).toBe(12);
    // Every option is shown with its value, the defaults included.
    expect(Object.keys(printed.rules.readability[1]).length).toBeGreaterThan(1);
    expect(printed.sources).toEqual([join(dir.path, '.mtlintrc.json')]);
  });
});

describe('options ESLint users reach for', () => {
  it('"did you mean" for a misspelt option, rule or preset, on one line', () => {
    const option = runMtlint(['--fomat', 'json']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe(
      "mtlint: Unknown option '--fomat'; did you mean '--format'?\nRun mtlint --help for usage.\n",
    );
    expect(runMtlint(['--rule', 'doubled-punctation:error']).stderr).toContain(
      'unknown rule "doubled-punctation"; did you mean `doubled-punctuation`?',
    );
    expect(runMtlint(['--preset', 'strickt']).stderr).toContain('did you mean `strict`?');
  });

  it('--preset strict or all lints with that preset without a config file, and config files apply on top', () => {
    const path = file('a.txt', 'He said , that the plan cost 1.500.000 euros.\n');
    const rulesOf = (args: string[]) =>
      JSON.parse(runMtlint([path, '-f', 'json', ...args], { cwd: dir.path }).stdout)[0].messages.map(
        (message: { ruleId: string }) => message.ruleId,
      );
    expect(rulesOf([])).not.toContain('number-format');
    expect(rulesOf(['--preset', 'strict'])).toEqual(
      expect.arrayContaining(['space-before-punctuation', 'number-format']),
    );
    file('.mtlintrc.json', '{"rules": {"number-format": "off"}}');
    expect(rulesOf(['--preset', 'mtlint:strict'])).not.toContain('number-format');
    expect(rulesOf(['--preset', 'strict'])).toContain('space-before-punctuation');
  });

  it('--rule id:2 as in config files, and --max-warnings -1 for no limit', () => {
    const path = file('a.txt', 'One ,, two.\n');
    expect(runMtlint([path, '--rule', 'doubled-punctuation:2']).code).toBe(1);
    expect(runMtlint([path, '--rule', 'doubled-punctuation:0', '--rule', 'whitespace:1']).code).toBe(0);
    expect(runMtlint([path, '--max-warnings', '-1']).code).toBe(0);
    expect(runMtlint([path, '--max-warnings', '0']).code).toBe(1);
    expect(runMtlint([path, '--max-warnings', '-2']).code).toBe(2);
  });

  it('--stdin-filename without - is an error instead of linting the folder', () => {
    const run = runMtlint(['--stdin-filename', 'x.md'], { cwd: dir.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mtlint: --stdin-filename names standard input: add -/);
  });

  it('--no-inline-config and --report-unused-disable-directives', () => {
    const path = file(
      'a.txt',
      '<!-- mtlint-disable-next-line -->\nOne , two.\n\n<!-- mtlint-disable space-before-punctuation -->\nClean.\n',
    );
    expect(runMtlint([path]).code).toBe(0);
    expect(runMtlint([path, '-f', 'unix', '--no-inline-config']).stdout).toContain(':2:4: Unexpected space before `,`');
    const unused = runMtlint([path, '-f', 'unix', '--report-unused-disable-directives']);
    expect(unused.code).toBe(1);
    expect(unused.stdout).toContain(
      'a.txt:4:1: Unused `mtlint-disable` comment: no problem from `space-before-punctuation`',
    );
  });
});

describe('ignoring files', () => {
  it('.mtlintignore and --ignore-pattern; node_modules and .git always', () => {
    file('.mtlintignore', 'drafts/\n');
    for (const name of ['a.txt', 'drafts/b.txt', 'node_modules/c.txt', '.git/d.txt', 'e.md']) {
      const path = join(dir.path, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, 'Text ,, here.\n');
    }
    const json = (args: string[]) =>
      JSON.parse(runMtlint([...args, '-f', 'json'], { cwd: dir.path }).stdout).map((r: { filePath: string }) =>
        r.filePath.slice(dir.path.length + 1),
      );
    expect(json(['.'])).toEqual(['a.txt', 'e.md']);
    expect(json(['.', '--ignore-pattern', '*.md'])).toEqual(['a.txt']);
    expect(json(['.', '--no-ignore'])).toEqual(['a.txt', 'drafts/b.txt', 'e.md']);
    expect(json(['**/*.txt'])).toEqual(['a.txt']);
  });
});

describe('--concurrency', () => {
  it('worker threads give the same report, in the same order, as one thread', () => {
    for (let index = 0; index < 24; index++) {
      file(`article-${index}.txt`, `Article ${index} , with a doubled stop. . And more text here.\n`);
    }
    file('broken.txt', Buffer.from([0x61, 0x00]));
    const single = runMtlint(['.', '-f', 'json', '--concurrency', '1'], { cwd: dir.path });
    const parallel = runMtlint(['.', '-f', 'json', '--concurrency', '2'], { cwd: dir.path });
    expect(parallel.stdout).toBe(single.stdout);
    expect(parallel.stderr).toBe(single.stderr);
    expect(parallel.code).toBe(2);
    expect(JSON.parse(parallel.stdout)).toHaveLength(24);
  });
});
