/**
 * The `process` global the engine touches (`process.cwd()` as the base of a
 * config given as an object, `process.features` to know whether `require` can
 * load ES modules): a worker has neither, so config paths resolve from `/` and
 * lazy modules come from the chunk registry.
 */
export const process = {
  cwd: (): string => '/',
  features: { require_module: false },
  env: {} as Record<string, string | undefined>,
  platform: 'browser',
};
