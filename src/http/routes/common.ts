/** Pieces of request schemas that many routes share: ids, paging, an organization and a period. */
import { z } from 'zod';
import { type Period, parsePeriod } from '../../domain/period.js';
import { code } from '../../shared/schemas.js';

export const idParams = z.strictObject({ id: z.coerce.number().int().positive() });
export const codeParams = z.strictObject({ code });

export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

/** `org`: the root of the subtree asked about; `period`: as users write it (`2023`, `2024-H1`, `a..b`). */
export const orgPeriod = {
  org: code.optional(),
  period: z.string().max(40).optional(),
};

export function periodOf(text: string | undefined): Period | undefined {
  return text === undefined ? undefined : parsePeriod(text);
}
