/**
 * The modules the engine loads on first use (`lazyModule`, the tagger's and
 * the config reader's `require`) and its word lists, bundled and registered
 * up front: the extension ships no node_modules and no lexicon folder.
 */

import * as daleChall from 'dale-chall';
import '../../../web/word-lists.js';
import * as entities from 'decode-named-character-reference';
import * as franc from 'franc';
import pos from 'pos';
import * as spache from 'spache';
import * as syllable from 'syllable';
import * as yaml from 'yaml';
import { registerModule } from '../../../web/shims/registry.js';

registerModule('decode-named-character-reference', entities);
registerModule('dale-chall', daleChall);
registerModule('franc', franc);
registerModule('pos', pos);
registerModule('spache', spache);
registerModule('syllable', syllable);
registerModule('yaml', yaml);
