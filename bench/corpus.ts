/**
 * Benchmark corpora built from the English MT targets of the dev sets
 * (zh-en and bio x-en): ~5 KB articles of consecutive segments, deterministic.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDevDir } from './eval/data.js';

export const ROOT = join(import.meta.dirname, '..', import.meta.dirname.includes('/dist/') ? '..' : '');
/** The dev set, found as `npm run eval` finds it (`MTLINT_EVAL_DIR`, or walking up; worktrees too). */
export const DEV_DIR = defaultDevDir(ROOT);
const ENGLISH_TARGETS = ['mqm_zhen.dev.jsonl', 'mqm_bio_x2en.dev.jsonl'];

/** Paragraphs of English MT output, in file order. */
export function englishParagraphs(): string[] {
  const paragraphs: string[] = [];
  for (const name of ENGLISH_TARGETS) {
    const path = join(DEV_DIR, name);
    if (!existsSync(path)) throw new Error(`missing ${path}: the eval data must sit beside the repository`);
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const target = (JSON.parse(line) as { target?: string }).target?.trim();
      if (target) paragraphs.push(target);
    }
  }
  return paragraphs;
}

/** Articles of about `size` characters each, cycling through the paragraphs until `total` is reached. */
export function buildArticles(total: number, size = 5 * 1024): string[] {
  const paragraphs = englishParagraphs();
  const articles: string[] = [];
  let current: string[] = [];
  let currentSize = 0;
  let produced = 0;
  for (let index = 0; produced < total; index++) {
    const paragraph = paragraphs[index % paragraphs.length];
    current.push(paragraph);
    currentSize += paragraph.length + 2;
    produced += paragraph.length + 2;
    if (currentSize >= size) {
      articles.push(current.join('\n\n'));
      current = [];
      currentSize = 0;
    }
  }
  if (current.length > 0) articles.push(current.join('\n\n'));
  return articles;
}

/** Writes articles as files under `directory` (recreated); returns their paths. */
export function writeArticles(directory: string, articles: string[]): string[] {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  return articles.map((article, index) => {
    const path = join(directory, `article-${String(index).padStart(5, '0')}.txt`);
    writeFileSync(path, `${article}\n`);
    return path;
  });
}
