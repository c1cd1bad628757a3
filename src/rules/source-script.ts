/**
 * ## source-script
 *
 * Bilingual: finds letters of the source's script left in the translation
 * (`the 习近平 government`, `компания Gazprom` half translated): a run of
 * letters of a script the target language is not written in, which the
 * source has too. That last condition is what the target-only
 * `foreign-script` cannot check: a Chinese name quoted on purpose in an
 * English article is rare, a run copied from the source is an artefact.
 *
 * Only for sources in a script other than the target's (Chinese, Russian,
 * Greek, Arabic… into a Latin-script language, and the reverse). Does nothing
 * where a paragraph has no source.
 *
 * In `mtlint:strict`: on the dev MT output it found 5 runs, 3 on annotated
 * spans; the other 2 are a Cyrillic `р` (for `p` in `р<0.0001`) copied from
 * a Russian source into English, real artefacts the raters left unmarked.
 * Too few findings to claim the recommended bar.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:all` only; 5 findings on the dev MT output, rater precision 60.0 %, audited precision 60.0 % (2 unmatched unread); 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "ok.txt", "label": "source", "language": "zh"}
 *   习近平在北京会见了来访的总统。
 *
 * @example {"name": "ok.txt", "language": "en"}
 *   Xi Jinping met the visiting president in Beijing.
 *
 * @example {"name": "not-ok.txt", "label": "source", "language": "zh"}
 *   习近平在北京会见了来访的总统。
 *
 * @example {"name": "not-ok.txt", "label": "input", "language": "en"}
 *   习近平 met the visiting president in Beijing.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:1-1:4: Unexpected `习近平`: Chinese letters left from the source
 */
import type { Paragraph } from 'nlcst';
import { flatten } from '../nlcst/flat.js';
import { paragraphsOf } from '../nlcst/walk.js';
import { defineRule, type RuleContext } from '../shared/rule.js';
import { sourceOf, sourcePlace } from '../text/bilingual.js';
import { letterScript, type ScriptName, scriptFamily, scriptLabel, scriptsOfLanguage } from '../text/script.js';

export default defineRule(
  {
    id: 'source-script',
    description: "Bilingual: letters of the source's script left in the translation",
    category: 'script',
    recommended: false,
    defaultSeverity: 'warn',
    scope: 'paragraph',
    fixable: false,
    needsTree: false,
    defaultOptions: {},
  },
  (tree, context) => {
    for (const paragraph of paragraphsOf(tree)) checkParagraph(paragraph, context);
  },
);

/** Runs of letters of the scripts in `wanted` (marks and joiners inside a run kept), as `[start, end)`. */
function runsOf(text: string, wanted: ReadonlySet<ScriptName>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  let index = 0;
  for (const char of text) {
    const script = letterScript(char);
    const inside = script !== undefined && wanted.has(scriptFamily(script));
    if (inside && start < 0) start = index;
    else if (!inside && start >= 0 && !/[\p{M}\u00b7\u30fb]/u.test(char)) {
      runs.push([start, index]);
      start = -1;
    }
    index += char.length;
  }
  if (start >= 0) runs.push([start, index]);
  return runs;
}

function checkParagraph(paragraph: Paragraph, context: RuleContext): void {
  const source = sourceOf(paragraph, context);
  if (!source) return;
  const own = new Set(scriptsOfLanguage(context.language).map(scriptFamily));
  // The scripts of the source language that the target language does not use (not every letter of the
  // source: a German source's `TNF-α` is not Greek text).
  const foreign = new Set<ScriptName>();
  for (const script of scriptsOfLanguage(source.language)) {
    const family = scriptFamily(script);
    if (!own.has(family) && source.language !== 'und') foreign.add(family);
  }
  if (foreign.size === 0) return;
  const flat = flatten(paragraph);
  for (const [start, end] of runsOf(flat.text, foreign)) {
    const run = flat.text.slice(start, end);
    const at = source.text.indexOf(run);
    if (at < 0) continue;
    const scripts = new Set<ScriptName>();
    for (const char of run) {
      const script = letterScript(char);
      if (script) scripts.add(script);
    }
    const place = sourcePlace(source, at, at + run.length, `\`${run}\` in the source`);
    context.report({
      flat,
      from: start,
      to: end,
      message: `Unexpected \`${run}\`: ${scriptLabel(scripts)} letters left from the source`,
      actual: run,
      related: place ? [place] : [],
    });
  }
}
