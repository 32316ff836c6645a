import Table from 'cli-table3';
import type { Command } from 'commander';
import { runEvaluation } from '../../services/analysis.service.js';
import { formatNumber } from '../../shared/format.js';
import { TOPIC_LABELS } from '../../shared/labels.js';
import type { UiLang } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, say, withCommonOptions } from '../options.js';
import type { CliText } from '../texts.js';

interface EvalOptions extends CommonOptions {
  set?: string[];
  json?: boolean;
}

/** The targets, on the held-out part. */
const TARGETS = { macroF1: 0.85, declarative: 0.9 } as const;

type Report = ReturnType<typeof runEvaluation>['heldOut'];

const figure = (value: number, lang: UiLang) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ru-RU', {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  }).format(value);

function printReport(heading: CliText, report: Report, lang: UiLang, withTopics: boolean): void {
  console.log(`\n${say(lang, heading, { count: formatNumber(report.posts, lang) })}`);
  if (withTopics) {
    const table = new Table({
      head: [
        say(lang, 'colTopic'),
        say(lang, 'colPrecision'),
        say(lang, 'colRecall'),
        say(lang, 'colF1'),
        say(lang, 'publications'),
      ],
      style: { head: [], border: [], compact: true },
    });
    for (const row of report.topics) {
      table.push([
        TOPIC_LABELS[lang][row.topic],
        figure(row.precision, lang),
        figure(row.recall, lang),
        figure(row.f1, lang),
        row.support,
      ]);
    }
    console.log(table.toString());
  }
  console.log(
    say(lang, 'evalSummary', {
      macroF1: figure(report.macroF1, lang),
      accuracy: figure(report.topicAccuracy, lang),
      declarative: figure(report.declarativeAccuracy, lang),
      language: figure(report.languageAccuracy, lang),
      repostPrecision: figure(report.repost.precision, lang),
      repostRecall: figure(report.repost.recall, lang),
    }),
  );
}

export function evalCommand(program: Command): void {
  withCommonOptions(
    program
      .command('eval')
      .description(
        'measure the classifier on the labelled set: precision, recall, F1 per topic, macro-F1, accuracy',
      )
      .option('--set <files...>', 'labelled sets in the format of data/eval/*.jsonl (default: those files)')
      .option('--json', 'print JSON'),
  ).action((options: EvalOptions) => {
    const lang = langOf(options);
    const result = runEvaluation(options.set);
    const meets = (report: Report) =>
      report.posts === 0 ||
      (report.macroF1 >= TARGETS.macroF1 && report.declarativeAccuracy >= TARGETS.declarative);
    const met = meets(result.heldOut) && meets(result.fresh);
    // A missed target fails the command, so that CI notices.
    if (!met) process.exitCode = 1;
    if (options.json) {
      const strip = ({ errors: _errors, ...report }: Report) => report;
      console.log(
        JSON.stringify(
          {
            heldOut: strip(result.heldOut),
            fresh: strip(result.fresh),
            development: strip(result.development),
            all: strip(result.all),
            heldOutWithModel: strip(result.heldOutWithModel),
            targets: TARGETS,
            met,
          },
          null,
          2,
        ),
      );
      return;
    }
    printReport('evalHeldOut', result.heldOut, lang, true);
    printReport('evalFresh', result.fresh, lang, true);
    printReport('evalDevelopment', result.development, lang, false);
    printReport('evalAll', result.all, lang, false);
    printReport('evalWithModel', result.heldOutWithModel, lang, false);
    const targets = {
      macroTarget: figure(TARGETS.macroF1, lang),
      declarativeTarget: figure(TARGETS.declarative, lang),
    };
    console.log(`\n${say(lang, met ? 'evalTargetsMet' : 'evalTargetsMissed', targets)}`);
  });
}
