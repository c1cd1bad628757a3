/**
 * ## unit-spacing
 *
 * Finds percent signs spaced inconsistently within one document: a `5 %`
 * (the French and German way, and SI style) among `7%`, or the reverse. A
 * document that writes every percentage one way (`63 %` throughout) follows
 * a house style and is left alone. To enforce a style, set `percent` to
 * `closed` (every `5 %` is reported) or `spaced` (every `5%`); `consistent`
 * is the default, `ignore` turns the check off. As an option, units spaced
 * inconsistently with the house style: with `units: "spaced"` a unit closed up
 * to its figure (`5km` → `5 km`, the SI and most style guides), with
 * `units: "closed"` the reverse. Units are recognised from a fixed list of
 * symbols (`km`, `kg`, `mg`, `ml`, `kWh`, `Mbps`, `°C`, `mmHg`, …); words that double
 * as symbols (`in`, `s`) are only read as units when closed up. Temperatures
 * with a degree sign (`37°C`) are accepted both ways.
 *
 * Only English documents are checked.
 *
 * With `percent: "closed"`, 53 % of the `5 %` findings on the dev set touch
 * an annotated span. The unmarked ones are the same spaced
 * percent signs raters marked elsewhere in the same abstracts, but the SI and
 * ISO 80000 do space `%`, and biomedical English often follows them: hence
 * the consistency default. With `units: "spaced"`, 39
 * of 40 closed-up units (`1000Mbps`) were marked, all from one news story;
 * British news style closes units up (`5km`), so that stays an option too.
 *
 * Fix: close up or insert the space.
 *
 * Measured by `npm run eval` (see README, Quality): in `mtlint:recommended`; 2 findings on the dev MT output, rater precision 50.0 %, audited precision 100.0 % (0 unmatched unread); 0.00 false alarms per 10,000 words of clean English (0 findings, 0 audited real).
 *
 * @example {"name": "ok.txt"}
 *   Inflation rose 5% to 12.5%, over 5 km and 5km, at 37°C.
 *
 * @example {"name": "ok-si.txt"}
 *   Of the patients, 63 % were women and 12.5 % smokers; 5 % relapsed.
 *
 * @example {"name": "not-ok.txt", "label": "input"}
 *   Prices rose by 5 % in May and 7% in June, and 8% in July.
 *
 * @example {"name": "not-ok.txt", "label": "output"}
 *   1:16-1:19: Unexpected space in `5 %`, expected `5%` as in `7%`
 *
 * @example {"name": "not-ok.txt", "label": "fixed"}
 *   Prices rose by 5% in May and 7% in June, and 8% in July.
 *
 * @example {"name": "not-ok-closed.txt", "label": "input", "config": {"percent": "closed"}}
 *   Of the patients, 63 % were women.
 *
 * @example {"name": "not-ok-closed.txt", "label": "output"}
 *   1:18-1:22: Unexpected space in `63 %`, expected `63%`
 *
 * @example {"name": "not-ok-closed.txt", "label": "fixed"}
 *   Of the patients, 63% were women.
 *
 * @example {"name": "not-ok-spaced.txt", "label": "input", "config": {"units": "spaced"}}
 *   The road is 5km long and 3 km wide, with 1000Mbps links.
 *
 * @example {"name": "not-ok-spaced.txt", "label": "output"}
 *   1:13-1:16: Missing space in `5km`, expected `5 km`
 *   1:42-1:50: Missing space in `1000Mbps`, expected `1000 Mbps`
 *
 * @example {"name": "not-ok-spaced.txt", "label": "fixed"}
 *   The road is 5 km long and 3 km wide, with 1000 Mbps links.
 */

import { defineSummaryRule, placed, type Report, type RuleContext, replacing } from '../shared/rule.js';
import { numbersOf } from '../text/numbers.js';

interface Options {
  percent: string;
  units: string;
}

/** A paragraph's percents and unit findings, offsets relative to it. */
interface Spacing {
  percents: Percent[];
  found: Report[];
}

export default defineSummaryRule<Options, Spacing>(
  {
    id: 'unit-spacing',
    description:
      'Percent signs spaced inconsistently (`5 %` among `7%`) or against a chosen style; optionally units too',
    category: 'numbers',
    recommended: true,
    defaultSeverity: 'warn',
    fixable: true,
    needsTree: false,
    defaultOptions: { percent: 'consistent', units: 'ignore' },
    optionValues: { percent: ['consistent', 'closed', 'spaced', 'ignore'], units: ['ignore', 'spaced', 'closed'] },
  },
  {
    // `consistent` reports the form the whole document uses less: percents wait for `end`.
    paragraph(paragraph, context, options) {
      if (context.language !== 'en') return undefined;
      const percents: Percent[] = [];
      const found: Report[] = [];
      const { flat, numbers } = numbersOf(paragraph);
      const text = flat.text;
      for (const token of numbers) {
        if (token.kind === 'identifier' || token.kind === 'date') continue;
        const report = (from: number, to: number, message: string, expected: string) =>
          found.push(context.keep(replacing(flat, from, to, message, expected)));
        const percent = token.percent;
        if (percent) {
          const spaced = percent.gap !== '';
          const actual = text.slice(token.numeral.start, percent.end);
          const expected = spaced ? token.numeral.text + percent.text : `${token.numeral.text} ${percent.text}`;
          const place = {
            flat,
            from: token.numeral.start,
            to: percent.end,
            actual,
            expected: [expected],
            fix: expected,
          };
          percents.push({
            spaced,
            interval: INTERVAL_NAME.test(text.slice(token.end, token.end + 4)),
            report: context.keep({ ...place, message: '' }),
          });
          continue;
        }
        const unit = token.unit;
        if (!unit || unit.text.startsWith('°')) continue;
        const actual = text.slice(token.numeral.start, unit.end);
        if (options.units === 'spaced' && !unit.gap) {
          const expected = `${token.numeral.text} ${unit.text}`;
          report(token.numeral.start, unit.end, `Missing space in \`${actual}\`, expected \`${expected}\``, expected);
        } else if (options.units === 'closed' && unit.gap) {
          const expected = token.numeral.text + unit.text;
          report(
            token.numeral.start,
            unit.end,
            `Unexpected space in \`${actual}\`, expected \`${expected}\``,
            expected,
          );
        }
      }
      return percents.length > 0 || found.length > 0 ? { percents, found } : undefined;
    },
    end(summaries, context, options) {
      const percents: Percent[] = [];
      summaries.list.forEach((summary, index) => {
        const at = summaries.at[index];
        for (const report of summary.found) context.report(placed(report, at));
        for (const percent of summary.percents) percents.push({ ...percent, report: placed(percent.report, at) });
      });
      reportPercents(context, percents, options.percent);
    },
  },
);

// redos-safe: fixed alternatives on four characters.
const INTERVAL_NAME = /^\s?(?:CI|CrI|PI)\b/;

interface Percent {
  spaced: boolean;
  /** `95% CI`: the name of an interval, written closed in documents of either style. */
  interval: boolean;
  /** The finding for this percent, mapped to offsets; its message gains the model's form in `reportPercents`. */
  report: Report;
}

/**
 * `closed` reports `5 %`, `spaced` reports `5%`; `consistent` reports the
 * form the document uses less (`5%` among `63 %` and `12 %`; on a tie the
 * spaced one, English's exception), naming the other as the model.
 */
function reportPercents(context: RuleContext, percents: readonly Percent[], style: string): void {
  if (style === 'ignore' || percents.length === 0) return;
  let report: boolean;
  let model: Percent | undefined;
  if (style === 'consistent') {
    // An interval's name has no vote.
    const voters = percents.filter((percent) => !percent.interval);
    const spaced = voters.filter((percent) => percent.spaced);
    const closed = voters.filter((percent) => !percent.spaced);
    if (spaced.length === 0 || closed.length === 0) return;
    report = spaced.length <= closed.length;
    model = report ? closed[0] : spaced[0];
  } else report = style === 'closed';
  for (const percent of percents) {
    if (percent.spaced !== report) continue;
    if (model && percent.interval) continue;
    const { actual, expected } = percent.report;
    const asIn = model ? ` as in \`${model.report.actual}\`` : '';
    const message = percent.spaced
      ? `Unexpected space in \`${actual}\`, expected \`${expected?.[0]}\`${asIn}`
      : `Missing space in \`${actual}\`, expected \`${expected?.[0]}\`${asIn}`;
    context.report({
      ...percent.report,
      message,
      related: model
        ? [
            {
              message: `\`${model.report.actual}\` is written so here`,
              start: model.report.start,
              end: model.report.end,
            },
          ]
        : undefined,
    });
  }
}
