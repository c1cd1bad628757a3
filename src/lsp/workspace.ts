/**
 * The CLI's configuration, per document: the nearest config file (the same
 * cascade as `mtlint`), `.mtlintignore` at the root of the workspace folder,
 * and `extends` bounded by that folder. Caches are dropped whenever a config
 * or ignore file may have changed.
 */
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CONFIG_FILES,
  type ConfigError,
  ConfigResolver,
  isInside,
  type PresetName,
  presetConfig,
  type ResolvedConfig,
} from '../engine/config.js';
import { IGNORE_FILE, type IgnoreMatcher, isIgnored, loadIgnore } from '../engine/files.js';
import { type FormatName, formatFor, SUPPORTED_EXTENSIONS } from '../formats/index.js';

const LANGUAGE_IDS: Record<string, FormatName> = {
  plaintext: 'txt',
  text: 'txt',
  txt: 'txt',
  markdown: 'md',
  md: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  xliff: 'xliff',
  po: 'po',
  pot: 'po',
};

/**
 * The format of a document by language id, else by extension; `undefined`: not ours. An XLIFF or PO file
 * goes by its extension whatever its id: editors without a language for them open them as `xml` or
 * `plaintext` (VS Code does), and read as plain text their markup would be linted as prose.
 */
export function formatOfDocument(languageId: string, uri: string): FormatName | undefined {
  const byExtension = formatOfExtension(uri);
  if (byExtension === 'xliff' || byExtension === 'po') return byExtension;
  return LANGUAGE_IDS[languageId.toLowerCase()] ?? byExtension;
}

function formatOfExtension(uri: string): FormatName | undefined {
  // Cut at the first `?` or `#` (an unanchored /[?#].*$/ is quadratic on a run of `#`).
  const query = uri.search(/[?#]/);
  const path = pathOfUri(uri) ?? safeDecode(query < 0 ? uri : uri.slice(0, query));
  const extension = extname(path).toLowerCase();
  return SUPPORTED_EXTENSIONS.includes(extension) ? formatFor(path) : undefined;
}

/** The file system path of a `file:` URI; `undefined` for other schemes. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True for the files whose change means configs must be read again. */
export function isConfigOrIgnoreFile(path: string): boolean {
  const name = basename(path);
  return name === IGNORE_FILE || (CONFIG_FILES as readonly string[]).includes(name);
}

export type DocumentSettings =
  | {
      kind: 'lint';
      filePath: string;
      config: ResolvedConfig;
      /** Bilingual mode: the file this one translates, under the config's `sources`. */
      sourcePath?: string;
    }
  | { kind: 'ignored'; filePath: string }
  | { kind: 'error'; filePath: string; error: ConfigError | Error };

export class Workspace {
  private folders: string[] = [];
  private readonly resolvers = new Map<string, ConfigResolver>();
  private readonly ignores = new Map<string, IgnoreMatcher>();

  /** The preset for documents no config file applies to (`initializationOptions.preset`); default: the engine's. */
  private defaultPreset: PresetName | undefined;

  constructor(private readonly fallbackRoot: string = process.cwd()) {}

  setDefaultPreset(preset: PresetName): void {
    this.defaultPreset = preset;
  }

  setFolders(uris: string[]): void {
    this.folders = uris
      .map((uri) => pathOfUri(uri))
      .filter((path): path is string => path !== undefined)
      .map((path) => resolve(path))
      // Deepest first, so nested folders win.
      .sort((a, b) => b.length - a.length);
    this.reset();
  }

  get folderPaths(): readonly string[] {
    return this.folders;
  }

  /** Forgets every cached config and ignore file. */
  reset(): void {
    this.resolvers.clear();
    this.ignores.clear();
  }

  /** The workspace folder a path belongs to (`undefined`: outside every folder). */
  folderOf(path: string): string | undefined {
    return this.folders.find((folder) => isInside(path, folder));
  }

  settingsFor(uri: string, format: FormatName): DocumentSettings {
    const realPath = pathOfUri(uri);
    // Unsaved documents get the config of the first folder, as a file at its root would.
    const root = (realPath && this.folderOf(realPath)) ?? this.folders[this.folders.length - 1] ?? this.fallbackRoot;
    const filePath = realPath ?? join(root, `untitled.${format}`);
    try {
      const folder = realPath ? this.folderOf(realPath) : root;
      if (realPath && isIgnored(this.ignoreFor(folder ?? this.fallbackRoot), realPath, folder ?? this.fallbackRoot)) {
        return { kind: 'ignored', filePath };
      }
      const resolver = this.resolverFor(folder);
      // A config file, where there is one, says how the project is linted; the editor's preset fills in elsewhere.
      if (this.defaultPreset && resolver.sourcesFor(filePath).length === 0) {
        return { kind: 'lint', filePath, config: presetConfig(this.defaultPreset) };
      }
      const config = resolver.forFile(filePath);
      const sourcePath = realPath ? resolver.sourceFor(filePath) : undefined;
      return sourcePath ? { kind: 'lint', filePath, config, sourcePath } : { kind: 'lint', filePath, config };
    } catch (error) {
      return { kind: 'error', filePath, error: error as Error };
    }
  }

  private resolverFor(folder: string | undefined): ConfigResolver {
    const key = folder ?? '';
    let resolver = this.resolvers.get(key);
    if (!resolver) {
      resolver = new ConfigResolver({ projectRoot: folder });
      this.resolvers.set(key, resolver);
    }
    return resolver;
  }

  private ignoreFor(root: string): IgnoreMatcher {
    let matcher = this.ignores.get(root);
    if (!matcher) {
      matcher = loadIgnore({ cwd: root });
      this.ignores.set(root, matcher);
    }
    return matcher;
  }
}
