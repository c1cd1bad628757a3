/**
 * Where a translated file's source is: the `sources` mapping of a config.
 *
 *     "sources": { "content/en/**\/*.md": "content/ru/{path}" }
 *
 * Each key is a glob of target files, relative to the config file's folder;
 * its value is a template of the source path, relative to the same folder.
 * Placeholders:
 *
 * - `{path}`: the target's path below the glob's base, the folders of the
 *   glob before its first segment with a glob character (`*?[]{}!`):
 *   `content/en/blog/a.md` under `content/en/**\/*.md` gives `blog/a.md`.
 * - `{dir}`: the folder part of `{path}` (`blog`; `.` when there is none).
 * - `{file}`: the target's file name (`a.md`).
 * - `{stem}`: the file name up to its first dot (`article.en.md` → `article`),
 *   for trees that mark the language in the name: `"**\/*.en.md": "{dir}/{stem}.ru.md"`.
 *
 * The nearest config with a matching key decides; within it, the first
 * matching key in the order written.
 */
import { join, posix, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export const SOURCE_PLACEHOLDERS = ['path', 'dir', 'file', 'stem'] as const;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Why a `sources` template is invalid, or `undefined` when it is fine. */
export function templateProblem(template: string): string | undefined {
  if (template.trim() === '') return 'must be a path';
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (!(SOURCE_PLACEHOLDERS as readonly string[]).includes(match[1]))
      return `unknown placeholder \`{${match[1]}}\` (known: ${SOURCE_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')})`;
  }
  return undefined;
}

/** The folders of a glob before its first segment with a glob character (`content/en/**\/*.md` → `content/en`). */
export function globBase(glob: string): string {
  const segments = glob.split('/');
  const base: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[\]{}!]/.test(segment)) break;
    base.push(segment);
  }
  return base.join('/');
}

/**
 * The source of `filePath` under `sources` (a config's mapping, the config in
 * `directory`), or `undefined` when no key matches.
 */
export function sourceFromMapping(
  sources: Record<string, string>,
  directory: string,
  filePath: string,
): string | undefined {
  const relativePath = relative(directory, resolve(filePath)).split(sep).join('/');
  if (relativePath.startsWith('../')) return undefined;
  for (const [glob, template] of Object.entries(sources)) {
    if (!picomatch(glob, { dot: true })(relativePath)) continue;
    const base = globBase(glob);
    const below = base === '' ? relativePath : relativePath.slice(base.length + 1);
    const file = posix.basename(below);
    const values: Record<string, string> = {
      path: below,
      dir: posix.dirname(below),
      file,
      stem: file.includes('.') && !file.startsWith('.') ? file.slice(0, file.indexOf('.')) : file,
    };
    const source = resolve(
      join(
        directory,
        template.replace(PLACEHOLDER, (_, name: string) => values[name]),
      ),
    );
    return source === resolve(filePath) ? undefined : source;
  }
  return undefined;
}
