/** mtlint's version, read from its own package.json (found above this module). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function readVersion(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    try {
      const data = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (data.name === 'mtlint' && data.version) return data.version;
    } catch {}
    directory = dirname(directory);
  }
  return '0.0.0';
}

export const VERSION: string = readVersion();
