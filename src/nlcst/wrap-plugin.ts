/**
 * Runs a third-party retext transformer on a scratch file and hands back its
 * messages, so a wrapping rule can re-report them under an mtlint id.
 */
import type { Root } from 'nlcst';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

type Transformer = (tree: Root, file: VFile) => void;

export function runForeignTransformer(transformer: Transformer, tree: Root, source: VFile): VFileMessage[] {
  const scratch = new VFile({ path: source.path, value: source.value });
  transformer(tree, scratch);
  return scratch.messages;
}
