/**
 * The engine's word lists (`src/text/lexicon/*.txt`, a few hundred bytes),
 * registered before any rule module reads one at start-up. The build supplies
 * `mtlint:word-lists` from the folder, so a new list needs no change here.
 */
import wordLists from 'mtlint:word-lists';
import { registerWordLists } from '../src/text/lexicon.js';

registerWordLists(wordLists);
