/**
 * The ceiling for two threads: the files of a folder split in two halves,
 * each linted by its own one-thread `mtlint` process, both at once. Prints
 * the two JSON reports as one (peak RSS in the bench is the larger process's). Usage:
 * node dist/bench/side-by-side.js FOLDER -- MTLINT-ARGS...
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function run(args: string[]): Promise<{ status: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    // With this process's node options: the bench's hook measures each child too.
    const child = spawn(process.execPath, [...process.execArgv, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? 2, stdout: Buffer.concat(chunks).toString('utf8') }));
  });
}

const [folder, separator, ...args] = process.argv.slice(2);
if (!folder || separator !== '--') throw new Error('usage: side-by-side.js FOLDER -- MTLINT-ARGS...');
const files = readdirSync(folder)
  .sort()
  .map((name) => join(folder, name));
const half = Math.ceil(files.length / 2);
const results = await Promise.all([
  run([...args, '--concurrency', '1', ...files.slice(0, half)]),
  run([...args, '--concurrency', '1', ...files.slice(half)]),
]);
const reports = results.flatMap((result) => JSON.parse(result.stdout || '[]') as unknown[]);
process.stdout.write(`${JSON.stringify(reports)}\n`);
process.exitCode = Math.max(...results.map((result) => result.status));
