/** Lazy chunk: the readability rule's word lists and syllable counter. */
import * as daleChall from 'dale-chall';
import * as spache from 'spache';
import * as syllable from 'syllable';
import { registerModule } from '../shims/registry.js';

registerModule('dale-chall', daleChall);
registerModule('spache', spache);
registerModule('syllable', syllable);
