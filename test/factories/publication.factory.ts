/** Channels and publications for tests. */
import type { Context } from '../../src/services/context.js';
import type { Organization } from '../../src/services/org.service.js';
import { addPublication } from '../../src/services/publication.service.js';
import { addChannel } from '../../src/services/records.service.js';
import type { PublicationInput } from '../../src/shared/schemas.js';
import type { Platform } from '../../src/shared/vocabulary.js';
import { uniqueCode } from './org.factory.js';

export async function buildChannel(ctx: Context, owner: Organization, platform: Platform = 'facebook') {
  const code = uniqueCode(platform);
  await addChannel(ctx, { code, org: owner.code, platform, name: `${platform} ${owner.code}` });
  return code;
}

let serial = 0;

export function buildPublication(ctx: Context, channel: string, overrides: Partial<PublicationInput> = {}) {
  serial += 1;
  return addPublication(ctx, {
    channel,
    externalId: `post-${serial}`,
    publishedAt: '2023-06-15T06:00:00Z',
    title: `Новость ${serial}`,
    ...overrides,
  });
}
