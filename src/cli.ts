#!/usr/bin/env node
/** The `mtlint` command: arguments → run → exit code. */
import { readAllStdin } from './cli/io.js';
import { runCli } from './cli/run.js';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: readAllStdin,
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stdout.columns,
  stdinStream: process.stdin,
  stdoutStream: process.stdout,
});
process.exitCode = code;
