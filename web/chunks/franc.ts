/** Lazy chunk: `franc` and its trigram tables (language guesses for `untranslated` and `foreign-script`). */
import * as franc from 'franc';
import { registerModule } from '../shims/registry.js';

registerModule('franc', franc);
