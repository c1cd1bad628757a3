/**
 * Every regular expression in src/ is checked by the static ReDoS checker
 * `recheck`: regex literals and `new RegExp(…)`/`RegExp(…)` with literal
 * sources, found with the TypeScript compiler API in whatever src/**\/*.ts holds
 * when the test runs (rules added later are checked too).
 *
 * A `RegExp` built from a non-literal source cannot be checked statically; it
 * must carry a `// redos-safe: <why>` comment on its line or the line above
 * (for example: an alternation of escaped literal words).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The pure-JS backend: no Java, no native binary, no worker threads.
process.env.RECHECK_BACKEND = 'pure';

const root = join(import.meta.dirname, '..');
// MTLINT_REDOS_SRC: check another tree (e.g. a branch exported with `git archive`).
const srcDir = process.env.MTLINT_REDOS_SRC ?? join(root, 'src');

interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

interface DynamicRegex {
  where: string;
  justified: boolean;
}

function sourceFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files.sort();
}

function literalText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

function scan(path: string): { found: FoundRegex[]; dynamic: DynamicRegex[] } {
  const text = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = text.split('\n');
  const found: FoundRegex[] = [];
  const dynamic: DynamicRegex[] = [];
  const where = (node: ts.Node) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    return { label: `${relative(root, path)}:${line + 1}`, line };
  };
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(file);
      const slash = literal.lastIndexOf('/');
      found.push({ where: where(node).label, source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [sourceArg, flagsArg] = node.arguments ?? [];
      const source = literalText(sourceArg);
      const flags = flagsArg === undefined ? '' : literalText(flagsArg);
      const place = where(node);
      if (source !== undefined && flags !== undefined) found.push({ where: place.label, source, flags });
      else {
        const nearby = `${lines[place.line - 1] ?? ''}\n${lines[place.line] ?? ''}`;
        dynamic.push({ where: place.label, justified: /redos-safe:\s*\S/.test(nearby) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { found, dynamic };
}

const scanned = sourceFiles(srcDir).map(scan);
const regexes = scanned.flatMap((result) => result.found);
const dynamic = scanned.flatMap((result) => result.dynamic);

/** Time in ms the real engine takes on recheck's attack string. */
function attackTime(regex: FoundRegex, attack: string): number {
  const compiled = new RegExp(regex.source, regex.flags);
  const started = performance.now();
  if (compiled.global || compiled.sticky)
    for (const _ of attack.matchAll(new RegExp(compiled, `${regex.flags.replace('y', '')}`))) {
    }
  else compiled.test(attack);
  return performance.now() - started;
}

/**
 * recheck's verdict. A `vulnerable` verdict from the fuzzer (used for regexes
 * with lookaround) is confirmed on V8 with the attack string it found: an
 * attack that V8 runs in well under a second is a fuzzing artefact, not a
 * ReDoS (a real quadratic regex takes seconds on recheck's 50-100k character
 * attacks).
 */
function verdictOf(regex: FoundRegex): string {
  // A fixed seed makes the fuzzer deterministic; generous timeout for loaded CI machines.
  const diagnostics = checkSync(regex.source, regex.flags, { timeout: 60_000, randomSeed: 42 });
  if (diagnostics.status === 'safe') return 'safe';
  if (diagnostics.status === 'unknown') return `unknown (${diagnostics.error.kind})`;
  const described = `vulnerable (${diagnostics.complexity.summary}), attack: ${diagnostics.attack.pattern}`;
  if (!diagnostics.complexity.isFuzz) return described;
  const took = attackTime(regex, diagnostics.attack.string);
  return took < 250 ? 'safe' : `${described}, ${Math.round(took)} ms on V8`;
}

describe('ReDoS: every regular expression in src/', () => {
  it('finds the regular expressions (the scanner works)', () => {
    expect(regexes.length).toBeGreaterThan(10);
    expect(regexes.some((regex) => regex.where.includes('rules/doubled-punctuation.ts'))).toBe(true);
  });

  it('checker catches a vulnerable pattern (the checker works)', () => {
    expect(checkSync('^(a+)+$', '').status).toBe('vulnerable');
    expect(checkSync('^(?:a|a)*b$', '').status).toBe('vulnerable');
    expect(checkSync('^[a-z]+$', '').status).toBe('safe');
  });

  it('has no RegExp built from an unchecked, unjustified source', () => {
    expect(dynamic.filter((regex) => !regex.justified).map((regex) => regex.where)).toEqual([]);
  });

  it('has no regular expression that recheck finds vulnerable', () => {
    const failures: string[] = [];
    const seen = new Map<string, string>();
    for (const regex of regexes) {
      const key = `/${regex.source}/${regex.flags}`;
      let verdict = seen.get(key);
      if (verdict === undefined) {
        verdict = verdictOf(regex);
        seen.set(key, verdict);
      }
      // `unknown` means recheck could not decide (a timeout or an unsupported feature): a failure too.
      if (verdict !== 'safe') failures.push(`${regex.where} ${key}: ${verdict}`);
    }
    expect(failures).toEqual([]);
  }, 900_000);
});
