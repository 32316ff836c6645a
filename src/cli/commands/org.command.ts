import Table from 'cli-table3';
import type { Command } from 'commander';
import {
  getOrganization,
  listOrganizationSubtree,
  listVisibleOrganizations,
} from '../../services/org.service.js';
import { orgName } from '../../shared/org-name.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';

type ListOptions = CommonOptions & { under?: string; json?: boolean };

const KIND_TEXTS = {
  union: 'kindUnion',
  region: 'kindRegion',
  branch: 'kindBranch',
  primary: 'kindPrimary',
} as const;

export function orgCommand(program: Command): void {
  const org = program.command('org').description('the organization tree');
  withCommonOptions(
    org
      .command('list')
      .description('list the organizations with their codes, parents before children')
      .option('--under <code>', 'only this organization and the ones under it')
      .option('--json', 'print JSON'),
  ).action(async (options: ListOptions) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      // The whole tree names the parent of a subtree's root as well.
      const all = await listVisibleOrganizations(ctx);
      const shown =
        options.under === undefined
          ? all
          : await listOrganizationSubtree(ctx, await getOrganization(ctx, options.under));
      const codes = new Map(all.map((item) => [item.id, item.code]));
      const rows = shown.map((item) => ({
        ...item,
        parentCode: item.parentId === null ? null : (codes.get(item.parentId) ?? null),
      }));
      if (options.json) {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      const table = new Table({
        head: [say(lang, 'colCode'), say(lang, 'colKind'), say(lang, 'colName'), say(lang, 'colParent')],
        style: { head: [], border: [], compact: true },
      });
      for (const row of rows)
        table.push([row.code, say(lang, KIND_TEXTS[row.kind]), orgName(row, lang), row.parentCode ?? '—']);
      console.log(table.toString());
    });
  });
}
