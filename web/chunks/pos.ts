/** Lazy chunk: `pos`, the part-of-speech tagger and its 93,000-word lexicon (`spurious-number` asks for it). */
import pos from 'pos';
import { registerModule } from '../shims/registry.js';

registerModule('pos', pos);
