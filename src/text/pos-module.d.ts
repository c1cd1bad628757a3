/** Types for `pos` (jsPOS, a Brill tagger with the Penn Treebank lexicon), which ships none. */
declare module 'pos' {
  export class Tagger {
    lexicon: Record<string, string[] | undefined>;
    tag(words: string[]): Array<[string, string]>;
  }
  export class Lexer {
    lex(text: string): string[];
  }
}
