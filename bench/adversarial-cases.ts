/**
 * Adversarial inputs: text built to make a linter slow (quadratic scans,
 * backtracking regexes, deep recursion). Shared by
 * tests/adversarial-runtime.test.ts (generous time bounds) and
 * bench/adversarial.ts (exact figures in bench/results/adversarial.json).
 *
 * Each case builds its text for a scale `n`; `size` is the scale of the
 * issue's figure (100,000 marks, 1 MB, 10,000 nestings…). Markdown and HTML
 * cases follow cmark's pathological tests.
 */
import type { FormatName } from '../src/index.js';

export interface AdversarialCase {
  name: string;
  /** Formats the text is linted as. */
  formats: FormatName[];
  /** The scale the issue asks for. */
  size: number;
  build(n: number): string;
}

const ALL: FormatName[] = ['txt', 'md', 'html'];
const MB = 1024 * 1024;

function cycle(count: number, pieces: readonly string[]): string {
  const n = Math.floor(count);
  const parts = new Array<string>(n);
  for (let index = 0; index < n; index++) parts[index] = pieces[index % pieces.length];
  return parts.join('');
}

const WORDS = ['the', 'opposition', 'said', 'that', 'Lukashenko', 'had', 'won', 'in', 'Minsk', 'again'];

export const ADVERSARIAL_CASES: readonly AdversarialCase[] = [
  { name: 'full stops in a row', formats: ALL, size: 100_000, build: (n) => '.'.repeat(n) },
  {
    name: 'mixed punctuation in a row',
    formats: ALL,
    size: 100_000,
    build: (n) => cycle(n, ['.', ',', ';', ':', '!', '?']),
  },
  { name: 'spaced punctuation', formats: ALL, size: 100_000, build: (n) => cycle(n, [' ,', ' .', ' ;', ' )', '( ']) },
  { name: 'comma then tabs', formats: ALL, size: MB, build: (n) => `,${'\t'.repeat(n - 1)}` },
  { name: 'line with no spaces', formats: ALL, size: MB, build: (n) => cycle(n, ['a', 'b', 'c', 'd']) },
  { name: 'line of initials', formats: ALL, size: MB, build: (n) => cycle(n / 2, ['s.']) },
  { name: 'nested straight quotes', formats: ALL, size: 10_000, build: (n) => `${'"'.repeat(n)}x${'"'.repeat(n)}` },
  {
    name: 'nested curly quotes',
    formats: ALL,
    size: 10_000,
    build: (n) => `${'“‘'.repeat(n / 2)}x${'’”'.repeat(n / 2)}`,
  },
  { name: 'nested brackets', formats: ALL, size: 10_000, build: (n) => `${'(['.repeat(n / 2)}x${'])'.repeat(n / 2)}` },
  {
    name: 'words in one paragraph',
    formats: ALL,
    size: 100_000,
    build: (n) => {
      const words = new Array<string>(n);
      for (let index = 0; index < n; index++)
        words[index] = WORDS[index % WORDS.length] + (index % 17 === 16 ? '.' : index % 7 === 6 ? ',' : '');
      return words.join(' ');
    },
  },
  {
    name: 'words in one sentence',
    formats: ALL,
    size: 100_000,
    build: (n) =>
      cycle(
        n,
        WORDS.map((word) => `${word} `),
      ),
  },
  { name: 'repeated word', formats: ALL, size: 100_000, build: (n) => cycle(n, ['the ']) },
  { name: 'combining marks', formats: ALL, size: MB, build: (n) => `a${'\u0301'.repeat(n - 1)}` },
  { name: 'only emoji', formats: ALL, size: MB, build: (n) => cycle(n / 2, ['😀', '👍', '🇧', '🇾']) },
  { name: 'emoji and spaces', formats: ALL, size: MB, build: (n) => cycle(n / 3, ['😀 ']) },
  { name: 'CJK without spaces', formats: ALL, size: MB, build: (n) => cycle(n, ['中', '文', '。', '，']) },
  { name: 'CRLF lines', formats: ALL, size: MB, build: (n) => cycle(n / 4, ['a .\r\n']) },
  { name: 'blank lines', formats: ALL, size: MB, build: (n) => '\n'.repeat(n) },
  // Markdown (cmark's pathological inputs).
  { name: 'md: emphasis run', formats: ['md'], size: 10_000, build: (n) => `${'*'.repeat(n)}x${'*'.repeat(n)}` },
  {
    name: 'md: nested strong emphasis',
    formats: ['md'],
    size: 10_000,
    build: (n) => `${'*a **a '.repeat(n)}b${' a** a*'.repeat(n)}`,
  },
  { name: 'md: mismatched emphasis', formats: ['md'], size: 10_000, build: (n) => '*a_ '.repeat(n) },
  { name: 'md: emphasis closers without openers', formats: ['md'], size: 10_000, build: (n) => 'a_ '.repeat(n) },
  { name: 'md: link openers and emphasis closers', formats: ['md'], size: 10_000, build: (n) => '[ a_'.repeat(n) },
  { name: 'md: brackets and parentheses', formats: ['md'], size: 10_000, build: (n) => '[ (]('.repeat(n) },
  { name: 'md: nested brackets', formats: ['md'], size: 10_000, build: (n) => `${'['.repeat(n)}a${']'.repeat(n)}` },
  { name: 'md: unclosed links', formats: ['md'], size: 10_000, build: (n) => '[a](<b'.repeat(n) },
  { name: 'md: unclosed comments', formats: ['md'], size: 10_000, build: (n) => `</${'<!--'.repeat(n)}` },
  { name: 'md: nested block quotes', formats: ['md'], size: 10_000, build: (n) => `${'> '.repeat(n)}a` },
  {
    name: 'md: deeply nested list',
    formats: ['md'],
    size: 1_000,
    build: (n) => Array.from({ length: n }, (_, index) => `${'  '.repeat(index)}* a\n`).join(''),
  },
  { name: 'md: backtick runs', formats: ['md'], size: 10_000, build: (n) => cycle(n, ['e`', 'e``', 'e```']) },
  {
    name: 'md: table rows',
    formats: ['md'],
    size: 10_000,
    build: (n) => `| a | b |\n|---|---|\n${'| c | d |\n'.repeat(n)}`,
  },
  // HTML.
  { name: 'html: nested div', formats: ['html'], size: 10_000, build: (n) => `${'<div>'.repeat(n)}x` },
  {
    name: 'html: nested span',
    formats: ['html'],
    size: 10_000,
    build: (n) => `${'<span>'.repeat(n)}x${'</span>'.repeat(n)}`,
  },
  { name: 'html: misnested formatting', formats: ['html'], size: 10_000, build: (n) => '<b><i><u>x</b>'.repeat(n) },
  { name: 'html: nested tables', formats: ['html'], size: 10_000, build: (n) => `${'<table><tr><td>'.repeat(n)}x` },
  { name: 'html: unclosed comments', formats: ['html'], size: 10_000, build: (n) => '<!--'.repeat(n) },
  {
    name: 'html: entities',
    formats: ['html'],
    size: 100_000,
    build: (n) => cycle(n, ['&amp;', '&#x1F600;', '&bogus;', '&']),
  },
];
