/** A problem with how mtlint was called (exit code 2, one line on standard error). */
export class UsageError extends Error {
  override name = 'UsageError';
}
