/**
 * Reads a rule's documentation from the doc comment at the top of its module
 * (remark-lint style): a `## id` title, prose, and `@example {json}` blocks
 * whose text runs as tests (`ok`, `not-ok` input/output/fixed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RuleExample {
  name: string;
  /** `source`: the text the example's input translates (bilingual rules). */
  label?: 'input' | 'output' | 'fixed' | 'source';
  /** Language of the example's text (bilingual rules: source and target language). */
  language?: string;
  config?: Record<string, unknown>;
  text: string;
}

export interface RuleDoc {
  id: string;
  file: string;
  /** Prose between the title and the first example. */
  description: string;
  examples: RuleExample[];
}

export function parseRuleDoc(source: string, file: string): RuleDoc {
  const match = /^\/\*\*\n([\s\S]*?)\n \*\//.exec(source);
  if (!match) throw new Error(`${file}: no documentation comment at the top`);
  const lines = match[1].split('\n').map((line) => line.replace(/^ \*(?: |$)/, ''));
  const title = /^## ([a-z0-9-]+)$/.exec(lines[0]);
  if (!title) throw new Error(`${file}: documentation must start with "## rule-id"`);
  const description: string[] = [];
  const examples: RuleExample[] = [];
  let current: RuleExample | undefined;
  for (const line of lines.slice(1)) {
    const example = /^@example (\{.*\})$/.exec(line);
    if (example) {
      if (current) examples.push(finish(current));
      const meta = JSON.parse(example[1]) as Omit<RuleExample, 'text'>;
      current = { ...meta, text: '' };
      continue;
    }
    if (current) current.text += `${line.startsWith('  ') ? line.slice(2) : line}\n`;
    else description.push(line);
  }
  if (current) examples.push(finish(current));
  return { id: title[1], file, description: description.join('\n').trim(), examples };
}

function finish(example: RuleExample): RuleExample {
  return { ...example, text: example.text.replace(/^\n+/, '').replace(/\n+$/, '') };
}

export function readRuleDocs(rulesDirectory: string): RuleDoc[] {
  return readdirSync(rulesDirectory)
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && !name.startsWith('_'))
    .sort()
    .map((name) => parseRuleDoc(readFileSync(join(rulesDirectory, name), 'utf8'), name));
}
