/** The API's answers about organizations: one of the tree, and one with its figures as of a date. */
import { z } from 'zod';
import { ORG_KINDS, PLATFORMS } from './vocabulary.js';

export const organizationAnswer = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.enum(ORG_KINDS),
  parentId: z.number().int().nullable(),
  nameRu: z.string(),
  nameKk: z.string(),
  shortNameRu: z.string().nullable(),
  shortNameKk: z.string().nullable(),
  nameEn: z.string().nullable(),
  shortNameEn: z.string().nullable(),
  timeZone: z.string(),
  sortOrder: z.number(),
});
export type Organization = z.infer<typeof organizationAnswer>;

export const channelFigure = z.object({
  code: z.string(),
  platform: z.enum(PLATFORMS),
  name: z.string(),
  url: z.string().nullable(),
  ownerId: z.number().int(),
  createdOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  followers: z.number().nullable(),
  followersAsOf: z.string().nullable(),
  reach: z.number().nullable(),
});
export type ChannelFigure = z.infer<typeof channelFigure>;

export const organizationFiguresAnswer = z.object({
  org: organizationAnswer,
  asOf: z.string(),
  members: z.number().nullable(),
  structure: z.object({ branches: z.number(), primaries: z.number(), directPrimaries: z.number() }),
  channels: z.array(channelFigure),
  infoResponsible: z.array(z.object({ fullName: z.string(), orgId: z.number().int() })),
});
export type OrganizationFigures = z.infer<typeof organizationFiguresAnswer>;
