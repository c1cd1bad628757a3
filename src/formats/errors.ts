/**
 * Input a format reader cannot read at all (XML that is not well-formed, a
 * PO file with no readable entry). Thrown with the offset of the problem;
 * the linter turns it into a one-line `file:line:column: problem` error.
 * A reader that can read part of a file lints that part and lists the rest
 * in a file-level warning instead.
 */
export class InputError extends Error {
  constructor(
    message: string,
    /** Offset of the problem in the text given to the reader. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
