/**
 * The import graph of src/: no circles, and the layers import one way only
 * (README "Development"): `cli` → `engine`, `report`, `lsp` → `formats`,
 * `rules` → `nlcst`, `text`, `shared`. Type-only imports count: a circle of
 * types still ties two modules together for a reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** Module (path relative to src/, without `.ts`) → the src/ modules it imports statically. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) graph.set(moduleOf(path), importsOf(path));
    }
  };
  walk(SRC);
  return graph;
}

function moduleOf(path: string): string {
  return relative(SRC, path).replace(/\.ts$/, '').split('\\').join('/');
}

/** `import … from './x.js'`, `export … from './x.js'`, `import './x.js'` (not `import()`: loaded lazily on purpose). */
function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?(?:\bfrom\s*)?['"](\.[^'"]+)['"]/gm)].map(
    (match) => match[1],
  );
  return specifiers.map((specifier) => moduleOf(resolve(dirname(path), specifier.replace(/\.js$/, '.ts'))));
}

/** The circles of a graph: each strongly connected component of more than one module (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** Which folders each folder must not import from. */
const FORBIDDEN: Record<string, string[]> = {
  engine: ['cli', 'report', 'lsp'],
  report: ['cli', 'lsp'],
  lsp: ['cli', 'report'],
  formats: ['cli', 'engine', 'report', 'lsp', 'rules'],
  rules: ['cli', 'engine', 'report', 'lsp', 'formats'],
  nlcst: ['cli', 'engine', 'report', 'lsp', 'formats', 'rules'],
  text: ['cli', 'engine', 'report', 'lsp', 'formats', 'rules'],
  shared: ['cli', 'engine', 'report', 'lsp', 'formats', 'rules'],
};

function folderOf(module: string): string {
  return module.includes('/') ? module.slice(0, module.indexOf('/')) : '';
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('reads every module and its imports', () => {
    expect(graph.get('cli/run')).toContain('engine/parallel');
    expect(graph.get('engine/parallel')).toContain('engine/plan');
    expect(graph.size).toBeGreaterThan(60);
  });

  it('has no import circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('imports one way between layers: the engine never imports cli/, report/ or lsp/', () => {
    const violations: string[] = [];
    for (const [module, imports] of graph) {
      const forbidden = FORBIDDEN[folderOf(module)] ?? [];
      for (const target of imports)
        if (forbidden.includes(folderOf(target))) violations.push(`${module} imports ${target}`);
    }
    expect(violations).toEqual([]);
  });

  it('finds a circle and a one-module loop where there is one', () => {
    const graphWithCircles = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(circles(graphWithCircles)).toEqual([['a', 'b', 'c'], ['e']]);
  });
});
