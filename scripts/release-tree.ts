/**
 * `npm run release:tree -- OUT`: the tree a release tag points at, with the
 * compiled code in it, so that the GitHub Action, pre-commit and a git or
 * tarball install need only the runtime dependencies: the development
 * toolchain (TypeScript, Biome, vitest, textlint …) is never installed by a
 * user. It is this repository's published files (`package.json` "files"),
 * `action.yml`, `.pre-commit-hooks.yaml` and the lockfile, with a
 * `package.json` that has no `prepare` build step. The release workflow
 * (`.github/workflows/release.yml`) commits it for each version tag.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..', import.meta.dirname.includes('/dist/') ? '..' : '');

/** Files a release carries besides `package.json`'s "files". */
const EXTRA_FILES = ['action.yml', '.pre-commit-hooks.yaml', 'package-lock.json'];

interface PackageJson {
  files: string[];
  scripts?: Record<string, string>;
  [key: string]: unknown;
}

export function writeReleaseTree(out: string, root = ROOT): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  if (!existsSync(join(root, 'dist', 'cli', 'mtlint.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const entry of [...manifest.files, ...EXTRA_FILES]) {
    if (!existsSync(join(root, entry))) throw new Error(`release file \`${entry}\` is missing`);
    cpSync(join(root, entry), join(out, entry), { recursive: true });
    written.push(entry);
  }
  // Installed from git, a package with `prepare` is built with its dev dependencies; the release is built already.
  const { prepare: _prepare, ...scripts } = manifest.scripts ?? {};
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ ...manifest, scripts }, null, 2)}\n`);
  written.push('package.json');
  return written;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: npm run release:tree -- OUT\n');
    process.exit(2);
  }
  try {
    const files = writeReleaseTree(resolve(out));
    process.stdout.write(`release tree in ${out}: ${files.join(', ')}\n`);
  } catch (error) {
    process.stderr.write(`release:tree: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
