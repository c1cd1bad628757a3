#!/usr/bin/env node
/** The `mtlint` command: arguments → run → exit code. */
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Answered before the rules, formats and reporters load: loading them is nearly all of its time.
  const { VERSION } = await import('./version.js');
  process.stdout.write(`${VERSION}\n`);
} else await run();

async function run(): Promise<void> {
  const [{ readAllStdin }, { runCli }] = await Promise.all([import('./cli/io.js'), import('./cli/run.js')]);
  const code = await runCli(args, {
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
}
