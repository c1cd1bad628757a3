/** How the command line hands its standard streams to the stream commands (`--jsonl`, `summarize`). */
import { Readable, Writable } from 'node:stream';
import type { CliIo } from './io.js';
import type { StreamIo } from './jsonl.js';

/** `mtlint --jsonl …`: the flag anywhere before a `--`. */
export function isJsonlRun(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--jsonl');
}

/**
 * The real streams when the caller has them (the `mtlint` binary: constant
 * memory, back-pressure); otherwise standard input read whole and output
 * through `io.stdout`, for callers that run the command line in process.
 */
export function streamIoOf(io: CliIo): StreamIo {
  return {
    // Lazily: standard input is read only when a command reads it.
    stdin: io.stdinStream ?? Readable.from(readWhole(io)),
    stdout:
      io.stdoutStream ??
      new Writable({
        write(chunk: Buffer | string, _encoding, done) {
          io.stdout(chunk.toString());
          done();
        },
      }),
    stderr: io.stderr,
    cwd: io.cwd,
  };
}

function* readWhole(io: CliIo): Generator<Buffer> {
  yield io.readStdin();
}
