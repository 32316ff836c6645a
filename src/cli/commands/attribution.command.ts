import Table from 'cli-table3';
import type { Command } from 'commander';
import {
  addAttributionRule,
  listAttributionRules,
  removeAttributionRule,
} from '../../services/import/attribution.service.js';
import { RULE_KIND_TEXTS } from '../../shared/import-report.js';
import { RULE_KINDS, type RuleKind } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, oneOf, runCommand, say, withCommonOptions } from '../options.js';

interface AddOptions extends CommonOptions {
  org: string;
  kind: string;
  pattern: string;
}

export function attributionCommand(program: Command): void {
  const rules = program
    .command('attribution')
    .description('attribution rules: which organization a post on a regional page is about');
  withCommonOptions(
    rules
      .command('add')
      .description('assign posts with a hashtag, a place name (ru and kk forms: one rule each) or a keyword')
      .requiredOption('--org <code>', 'the organization the matching posts are about')
      .requiredOption('--kind <kind>', `one of: ${RULE_KINDS.join(', ')}`)
      .requiredOption('--pattern <text>', 'the hashtag, place name or keyword'),
  ).action(async (options: AddOptions) => {
    const lang = langOf(options);
    const kind = oneOf('--kind', options.kind, RULE_KINDS);
    await runCommand(options, async (ctx) => {
      const id = await addAttributionRule(ctx, { org: options.org, kind, pattern: options.pattern });
      console.log(
        say(lang, 'ruleAdded', {
          id,
          kind: RULE_KIND_TEXTS[lang][kind],
          pattern: options.pattern,
          org: options.org,
        }),
      );
    });
  });
  withCommonOptions(
    rules
      .command('list')
      .description('the rules, all or those of an organization and its subtree')
      .option('--org <code>', 'only this organization and the ones under it')
      .option('--json', 'print JSON'),
  ).action(async (options: CommonOptions & { org?: string; json?: boolean }) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const found = await listAttributionRules(ctx, options.org);
      if (options.json) {
        console.log(JSON.stringify(found, null, 2));
        return;
      }
      if (found.length === 0) {
        console.log(say(lang, 'rulesNone'));
        return;
      }
      const table = new Table({
        head: [say(lang, 'colId'), say(lang, 'organization'), say(lang, 'colKind'), say(lang, 'colPattern')],
        style: { head: [], border: [], compact: true },
      });
      for (const rule of found) {
        table.push([rule.id, rule.orgCode, RULE_KIND_TEXTS[lang][rule.kind as RuleKind], rule.pattern]);
      }
      console.log(table.toString());
    });
  });
  withCommonOptions(rules.command('remove').description('remove a rule').argument('<id>')).action(
    async (id: string, options: CommonOptions) => {
      const lang = langOf(options);
      await runCommand(options, async (ctx) => {
        await removeAttributionRule(ctx, Number(id));
        console.log(say(lang, 'ruleRemoved', { id }));
      });
    },
  );
}
