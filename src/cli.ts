#!/usr/bin/env node
/** The `mtlint` command: arguments → run → exit code. */
import { readAllStdin } from './cli/io.js';
import { runCli } from './cli/run.js';

const argv = process.argv.slice(2);
const options = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
// The stream commands read and write real streams (constant memory), so they start here, not in runCli.
const stream =
  argv[0] === 'summarize'
    ? (await import('./cli/summarize.js')).runSummarize
    : options.includes('--jsonl')
      ? (await import('./cli/jsonl.js')).runJsonl
      : undefined;
const streamIo = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: (text: string) => process.stderr.write(text),
  cwd: process.cwd(),
};
const code = stream
  ? await stream(argv[0] === 'summarize' ? argv.slice(1) : argv, streamIo)
  : await runCli(argv, {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      readStdin: readAllStdin,
      cwd: process.cwd(),
      env: process.env,
      isTTY: Boolean(process.stdout.isTTY),
      columns: process.stdout.columns,
    });
process.exitCode = code;
