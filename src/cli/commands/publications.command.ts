import Table from 'cli-table3';
import type { Command } from 'commander';
import { localDateOf, type Period, periodAsOf, periodBetween } from '../../domain/period.js';
import { assignSubject, listPublications } from '../../services/import/publications.service.js';
import { orgName } from '../../shared/org-name.js';
import { DEFAULT_TIME_ZONE } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';

interface ListOptions extends CommonOptions {
  channel: string;
  from?: string;
  to?: string;
  json?: boolean;
}

const TITLE_WIDTH = 60;

function periodOf(options: ListOptions): Period | undefined {
  if (options.from)
    return periodBetween(options.from, options.to ?? localDateOf(new Date(), DEFAULT_TIME_ZONE));
  return options.to ? periodAsOf(options.to) : undefined;
}

const cut = (text: string | null) =>
  text && text.length > TITLE_WIDTH ? `${text.slice(0, TITLE_WIDTH - 1)}…` : (text ?? '');

export function publicationsCommand(program: Command): void {
  withCommonOptions(
    program
      .command('publications')
      .description("a channel's stored publications with their subject organizations and topics")
      .requiredOption('--channel <code>', 'the channel')
      .option('--from <date>', 'first local date YYYY-MM-DD')
      .option('--to <date>', 'last local date YYYY-MM-DD')
      .option('--json', 'print JSON'),
  ).action(async (options: ListOptions) => {
    const lang = langOf(options);
    const period = periodOf(options);
    await runCommand(options, async (ctx) => {
      const items = await listPublications(ctx, { channel: options.channel, ...(period ? { period } : {}) });
      if (options.json) {
        const rows = items.map(({ subject, ...item }) => ({
          ...item,
          subject: { code: subject.code, name: orgName(subject, lang) },
        }));
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      if (items.length === 0) {
        console.log(say(lang, 'publicationsNone'));
        return;
      }
      const table = new Table({
        head: ['colId', 'colDate', 'colTitle', 'colRepost', 'subject', 'colTopics', 'colExternalId'].map(
          (key) => say(lang, key as Parameters<typeof say>[1]),
        ),
        style: { head: [], border: [], compact: true },
      });
      for (const item of items) {
        table.push([
          item.id,
          item.localDate,
          cut(item.title ?? item.text),
          say(lang, item.isRepost ? 'yes' : 'no'),
          orgName(item.subject, lang),
          item.topics.map((topic) => topic.topic).join(', ') || (item.primaryTopic ?? ''),
          item.externalId,
        ]);
      }
      console.log(table.toString());
    });
  });
}

interface AssignOptions extends CommonOptions {
  channel: string;
  externalId: string;
  org: string;
}

export function assignSubjectCommand(program: Command): void {
  withCommonOptions(
    program
      .command('assign-subject')
      .description("set a publication's subject organization by hand (it wins over attribution rules)")
      .requiredOption('--channel <code>', 'the channel')
      .requiredOption('--external-id <id>', "the publication's external id (see aqparat publications)")
      .requiredOption('--org <code>', 'the organization the publication is about'),
  ).action(async (options: AssignOptions) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      await assignSubject(ctx, {
        channel: options.channel,
        externalId: options.externalId,
        org: options.org,
      });
      console.log(say(lang, 'subjectAssigned', { externalId: options.externalId, org: options.org }));
    });
  });
}
