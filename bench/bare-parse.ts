/**
 * The floor for any retext linter: read each file and parse it with unified +
 * retext-english, nothing else. Usage: node dist/bench/bare-parse.js FILE|DIR...
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import retextEnglish from 'retext-english';
import { unified } from 'unified';

const processor = unified().use(retextEnglish);
let words = 0;

function visit(path: string): void {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) visit(join(path, name));
    return;
  }
  const tree = processor.parse(readFileSync(path, 'utf8'));
  words += tree.children.length;
}

for (const path of process.argv.slice(2)) visit(path);
process.stdout.write(`${words}\n`);
