/** `aqparat template <kind>`: a blank spreadsheet whose lists hold the caller's organizations, channels and outlets. */
import { buildSheetTemplate } from '../../importers/sheet/template.js';
import { orgName } from '../../shared/org-name.js';
import type { SheetKind, UiLang } from '../../shared/vocabulary.js';
import { listTemplateChoices } from '../../storage/repositories/import.repository.js';
import { listOutletsInReach } from '../../storage/repositories/records.repository.js';
import { type Context, scopeOfContext } from '../context.js';

export async function buildTemplate(ctx: Context, kind: SheetKind, lang: UiLang): Promise<Buffer> {
  const choices = await listTemplateChoices(ctx.db.kysely, scopeOfContext(ctx));
  return buildSheetTemplate(kind, lang, {
    organizations: choices.organizations.map((org) => ({ code: org.code, name: orgName(org, lang) })),
    channels: choices.channels,
    // The outlets the caller may refer to, as the API and the import resolve them; not every outlet.
    outlets: await listOutletsInReach(ctx.db.kysely, scopeOfContext(ctx)),
  });
}
