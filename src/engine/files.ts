/**
 * Files: which ones to lint (folders, globs, ignore files), reading them
 * safely (size limit, binary and encoding checks, special files) and writing
 * fixes atomically.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants as fsConstants,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync } from 'tinyglobby';
import { SUPPORTED_EXTENSIONS } from '../formats/index.js';
import { gitIgnored } from './git.js';
import { decodeWindows1252, encodeWindows1252 } from './windows-1252.js';

export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;
export const IGNORE_FILE = '.mtlintignore';
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

/** A problem with a file (not with its text): reported as one line, exit code 2. */
export class FileError extends Error {
  constructor(
    readonly filePath: string,
    problem: string,
  ) {
    super(`${filePath}: ${problem}`);
    this.name = 'FileError';
  }
}

export interface ListOptions {
  cwd?: string;
  ignorePatterns?: string[];
  /**
   * Path of the ignore file (its patterns relative to `cwd`). Default: every
   * `.mtlintignore` from a file's folder up to the repository root (the
   * folder with `.git`) or the file system's root, as config files are
   * found, each relative to its own folder. `false`: none.
   */
  ignorePath?: string | false;
  /** Skip what git ignores (`.gitignore`, `git check-ignore`); `--no-ignore` turns it off. */
  gitignore?: boolean;
  /** A folder walk also takes the files this accepts (catalogs mapped by a config's `sources`). */
  include?: (path: string) => boolean;
}

export interface FileList {
  files: string[];
  errors: FileError[];
  /** Files named explicitly but ignored. */
  ignored: string[];
}

/** Ignore patterns, asked with a path relative to the working folder (POSIX separators). */
export interface IgnoreMatcher {
  ignores(relativePath: string): boolean;
}

/** Patterns with the folder they are relative to: an ignore file's own folder, or the working folder. */
interface IgnoreLayer {
  base: string;
  matcher: Ignore;
}

export function loadIgnore(options: ListOptions): IgnoreMatcher {
  const cwd = resolve(options.cwd ?? process.cwd());
  const layers: IgnoreLayer[] = [];
  if (typeof options.ignorePath === 'string') {
    const path = resolve(cwd, options.ignorePath);
    try {
      layers.push({ base: cwd, matcher: ignore().add(readFileSync(path, 'utf8')) });
    } catch (error) {
      throw new FileError(path, `cannot read ignore file (${(error as NodeJS.ErrnoException).code})`);
    }
  }
  const searchFiles = options.ignorePath === undefined;
  if (searchFiles) {
    for (const folder of foldersUpToRepositoryRoot(cwd)) {
      const matcher = ignoreFileIn(folder);
      if (matcher) layers.push({ base: folder, matcher });
    }
  }
  if (options.ignorePatterns) layers.push({ base: cwd, matcher: ignore().add(options.ignorePatterns) });
  /** The ignore files of the folders below `cwd`, read once each (`null`: none). */
  const below = new Map<string, Ignore | null>();
  const layersBelow = (path: string): IgnoreLayer[] => {
    const found: IgnoreLayer[] = [];
    for (let folder = dirname(path); folder !== cwd && isInsideFolder(folder, cwd); folder = dirname(folder)) {
      if (!below.has(folder)) below.set(folder, ignoreFileIn(folder) ?? null);
      const matcher = below.get(folder);
      if (matcher) found.push({ base: folder, matcher });
    }
    return found;
  };
  return {
    ignores(relativePath) {
      const path = resolve(cwd, relativePath);
      const folderMark = relativePath.endsWith('/') ? '/' : '';
      const applying = searchFiles ? [...layers, ...layersBelow(path)] : layers;
      return applying.some(({ base, matcher }) => {
        const fromBase = relative(base, path).split(sep).join('/');
        return fromBase !== '' && !fromBase.startsWith('..') && matcher.ignores(fromBase + folderMark);
      });
    },
  };
}

function ignoreFileIn(folder: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(join(folder, IGNORE_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

/** `folder` and its parents, up to the first that holds `.git` (a repository's root) or the file system's root. */
function foldersUpToRepositoryRoot(folder: string): string[] {
  const folders = [folder];
  for (let current = folder; ; ) {
    try {
      statSync(join(current, '.git'));
      break;
    } catch {}
    const parent = dirname(current);
    if (parent === current) break;
    folders.push(parent);
    current = parent;
  }
  return folders;
}

/** True when `path` is ignored by the matcher (paths outside `cwd` never are). */
export function isIgnored(matcher: IgnoreMatcher, path: string, cwd: string): boolean {
  const rel = relative(cwd, resolve(path));
  if (rel === '' || rel.startsWith('..') || resolve(rel) === rel) return false;
  const posix = rel.split(sep).join('/');
  if (posix.split('/').some((part) => ALWAYS_SKIPPED.has(part))) return true;
  return matcher.ignores(posix);
}

const GLOB_CHARS = /[*?[\]{}!]/;

/** Expands paths, folders and globs into a sorted, de-duplicated file list. */
export function listFiles(patterns: string[], options: ListOptions = {}): FileList {
  const cwd = options.cwd ?? process.cwd();
  const matcher = loadIgnore(options);
  const files = new Set<string>();
  const errors: FileError[] = [];
  const ignored: string[] = [];
  /** Files named one by one, by the argument that named them. */
  const named = new Map<string, string>();
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const path = resolve(cwd, pattern);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (GLOB_CHARS.test(pattern)) {
        const matched = globSync(pattern, {
          cwd,
          absolute: true,
          dot: false,
          ignore: ['**/node_modules/**', '**/.git/**'],
        });
        const kept = matched.filter((file) => !isIgnored(matcher, file, cwd));
        if (kept.length === 0) errors.push(new FileError(pattern, 'no files match this pattern'));
        for (const file of kept) files.add(file);
        continue;
      }
      errors.push(
        new FileError(
          pattern,
          code === 'ELOOP'
            ? 'symbolic link loop'
            : code === 'ENOENT'
              ? 'no such file or directory'
              : `cannot access (${code})`,
        ),
      );
      continue;
    }
    if (stats.isDirectory()) {
      walkDirectory(path, cwd, matcher, files, errors, new Set(), options.include);
      continue;
    }
    if (isIgnored(matcher, path, cwd)) {
      ignored.push(pattern);
      continue;
    }
    files.add(path);
    named.set(path, pattern);
  }
  if (options.gitignore) dropGitIgnored(files, named, ignored, cwd);
  return { files: [...files].sort(), errors, ignored };
}

/** Drops the files git ignores; one named on the command line is reported as ignored. */
function dropGitIgnored(files: Set<string>, named: Map<string, string>, ignored: string[], cwd: string): void {
  const inside = [...files].filter((file) => {
    const rel = relative(cwd, file);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  });
  for (const file of gitIgnored(inside, cwd)) {
    if (!files.delete(file)) continue;
    const pattern = named.get(file);
    if (pattern !== undefined) ignored.push(pattern);
  }
}

function walkDirectory(
  directory: string,
  cwd: string,
  matcher: IgnoreMatcher,
  files: Set<string>,
  errors: FileError[],
  seen: Set<string>,
  include?: (path: string) => boolean,
): void {
  let real: string;
  try {
    real = realpathSync(directory);
  } catch (error) {
    errors.push(new FileError(directory, `cannot read directory (${(error as NodeJS.ErrnoException).code})`));
    return;
  }
  // Symbolic links can make loops; visit each real folder once.
  if (seen.has(real)) return;
  seen.add(real);
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    errors.push(new FileError(directory, `cannot read directory (${(error as NodeJS.ErrnoException).code})`));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const path = join(directory, entry.name);
    if (isIgnored(matcher, path, cwd) || isIgnored(matcher, `${path}/`, cwd)) continue;
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (hasSupportedExtension(entry.name)) {
          errors.push(new FileError(path, code === 'ELOOP' ? 'symbolic link loop' : 'broken symbolic link'));
        }
        continue;
      }
    }
    if (isDirectory) walkDirectory(path, cwd, matcher, files, errors, seen, include);
    else if (isFile && (hasSupportedExtension(entry.name) || include?.(path))) files.add(path);
    else if (!isFile && hasSupportedExtension(entry.name)) {
      // Reading a FIFO or device could block or never end: report it, never open it.
      errors.push(new FileError(path, 'not a regular file (FIFO, socket or device), skipped'));
    }
  }
}

export function hasSupportedExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return SUPPORTED_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/**
 * `--encoding`: how to read a file without a byte order mark (one with a UTF-16
 * mark is always read as UTF-16). `latin1` is read as Windows-1252, its
 * superset, as browsers do (the WHATWG Encoding standard's label).
 */
export const INPUT_ENCODINGS = ['utf-8', 'latin1', 'utf-16le'] as const;
export type InputEncoding = (typeof INPUT_ENCODINGS)[number];

export interface ReadResult {
  text: string;
  /** How the file is written back: `utf16le-nobom` is UTF-16 read with `--encoding utf-16le`, without a mark. */
  encoding: 'utf8' | 'utf16le' | 'utf16be' | 'utf16le-nobom' | 'latin1';
  mode: number;
}

/** Reads a text file or throws a `FileError` with a one-line reason. */
export function readTextFile(
  path: string,
  maxSize: number = DEFAULT_MAX_FILE_SIZE,
  encoding: InputEncoding = 'utf-8',
): ReadResult {
  let descriptor: number;
  try {
    // O_NONBLOCK: opening a FIFO must not hang waiting for a writer.
    descriptor = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new FileError(path, describeError(error as NodeJS.ErrnoException));
  }
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) throw new FileError(path, 'is a directory');
    if (!stats.isFile()) throw new FileError(path, 'not a regular file (FIFO, socket or device)');
    if (stats.size > maxSize) {
      throw new FileError(
        path,
        `file is ${formatSize(stats.size)}, over the limit of ${formatSize(maxSize)} (--max-file-size)`,
      );
    }
    const buffer = Buffer.alloc(stats.size);
    let read = 0;
    while (read < stats.size) {
      const count = readSync(descriptor, buffer, read, stats.size - read, read);
      if (count === 0) break;
      read += count;
    }
    return { ...decode(buffer.subarray(0, read), path, encoding), mode: stats.mode };
  } finally {
    closeSync(descriptor);
  }
}

/** Decodes UTF-16 with a byte order mark, else `encoding` (UTF-8 strictly, by default). */
export function decode(bytes: Uint8Array, path: string, encoding: InputEncoding = 'utf-8'): Omit<ReadResult, 'mode'> {
  // Uint8Array in the signature: the package's type declarations must not need @types/node.
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: `\uFEFF${buffer.subarray(2).toString('utf16le')}`, encoding: 'utf16le' };
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2));
    swapped.swap16();
    return { text: `\uFEFF${swapped.toString('utf16le')}`, encoding: 'utf16be' };
  }
  if (encoding === 'utf-16le') {
    if (buffer.length % 2 !== 0) throw new FileError(path, 'not UTF-16: an odd number of bytes (--encoding utf-16le)');
    return { text: buffer.toString('utf16le'), encoding: 'utf16le-nobom' };
  }
  if (buffer.subarray(0, 8192).includes(0)) throw new FileError(path, 'binary file (contains NUL bytes), skipped');
  if (encoding === 'latin1') return { text: decodeWindows1252(buffer), encoding: 'latin1' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buffer), encoding: 'utf8' };
  } catch {
    throw new FileError(
      path,
      `invalid UTF-8 at byte ${firstInvalidUtf8(buffer)}, skipped; if it is Latin-1, convert it ` +
        `(iconv -f latin1 -t utf-8 FILE > FILE.new) or read it with --encoding latin1`,
    );
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(buffer: Uint8Array): number {
  let index = 0;
  while (index < buffer.length) {
    const byte = buffer[index];
    let length = 0;
    let min = 0;
    if (byte < 0x80) {
      index++;
      continue;
    }
    if (byte >= 0xc2 && byte <= 0xdf) {
      length = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      length = 2;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 3;
      min = 0x10000;
    } else return index;
    let code = byte & (0x3f >> length);
    for (let next = 1; next <= length; next++) {
      const continuation = buffer[index + next];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
      code = (code << 6) | (continuation & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index;
    index += length + 1;
  }
  return buffer.length;
}

export function encode(text: string, encoding: ReadResult['encoding']): Uint8Array {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'latin1') return encodeLatin1(text);
  if (encoding === 'utf16le-nobom') return Buffer.from(text, 'utf16le');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
  if (encoding === 'utf16be') buffer.swap16();
  return buffer;
}

/** Encodes as Windows-1252; a character it cannot hold (a fix's `→`) is an `EncodingError`, never a `?`. */
function encodeLatin1(text: string): Uint8Array {
  const encoded = encodeWindows1252(text);
  if (typeof encoded !== 'number') return encoded;
  const code = text.codePointAt(encoded) ?? 0;
  throw new EncodingError(`\`${String.fromCodePoint(code)}\` (U+${code.toString(16).toUpperCase().padStart(4, '0')})`);
}

/** A fixed text that the file's encoding cannot hold. */
export class EncodingError extends Error {
  constructor(readonly character: string) {
    super(
      `the fix needs ${character}, which Latin-1 cannot hold; convert the file to UTF-8 (iconv -f latin1 -t utf-8)`,
    );
    this.name = 'EncodingError';
  }
}

/**
 * Writes atomically: a temporary file in the same folder, then a rename, so a
 * crash or a concurrent run never leaves a half-written file. Keeps the mode.
 * Refuses to write through a symbolic link that points outside `root`.
 */
export function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: { mode?: number; root?: string } = {},
): void {
  // The real path resolves a link at the file and at any folder on its way (a
  // linked folder is listed like any other). Where they differ, a link is
  // followed: only to a place inside `root`.
  let target = resolve(path);
  let real: string | undefined;
  try {
    real = realpathSync(path);
  } catch {
    real = undefined;
  }
  if (real !== undefined && real !== target) {
    if (options.root && !isInsideFolder(real, realpathOrSelf(options.root))) {
      throw new FileError(path, 'not fixed: symbolic link points outside the linted folder');
    }
    target = real;
  }
  const temporary = join(
    dirname(target),
    `.${basename(target)}.mtlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    writeFileSync(temporary, data, { mode: options.mode ?? 0o644, flag: 'wx' });
    if (options.mode !== undefined) chmodSync(temporary, options.mode & 0o7777);
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {}
    if (error instanceof FileError) throw error;
    throw new FileError(path, `cannot write fix (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function isInsideFolder(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function describeError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file (deleted?)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot read (${error.code ?? error.message})`;
  }
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

export function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
