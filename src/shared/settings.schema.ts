/** What an installation may change in its settings: rule thresholds, the presence window, the analysis. */
import { z } from 'zod';
import { PLATFORMS } from './vocabulary.js';

const fraction = z.number().min(0).max(1);
const count = z.number().int().min(0);

export const settingsInput = z
  .strictObject({
    rules: z
      .strictObject({
        low_reach: z.strictObject({ minReach: fraction }).partial(),
        platform_missing: z.strictObject({ platforms: z.array(z.enum(PLATFORMS)).min(1) }).partial(),
        legal_share_low: z.strictObject({ minShare: fraction, minPosts: count }).partial(),
        declarative_dominant: z.strictObject({ maxShare: fraction, minPosts: count }).partial(),
        reposts_dominant: z.strictObject({ maxShare: fraction, minPosts: count }).partial(),
        branches_without_publications: z.strictObject({ minPublications: count }).partial(),
        no_info_responsible: z.strictObject({}),
        media_coverage_falling: z.strictObject({ minDrop: fraction }).partial(),
        app_adoption_low: z.strictObject({ minShare: fraction }).partial(),
        overdue_tasks: z.strictObject({ maxOverdue: count }).partial(),
        collection_stale: z.strictObject({ days: z.number().int().min(1).max(365) }).partial(),
      })
      .partial(),
    presence: z.strictObject({ activeDays: z.number().int().min(1).max(3650) }).partial(),
    /** Content analysis: near-duplicate similarity for reposts, concreteness under which a post is declarative. */
    analysis: z
      .strictObject({ repostJaccard: fraction.positive(), declarativeBelow: fraction.positive() })
      .partial(),
  })
  .partial();
export type SettingsInput = z.input<typeof settingsInput>;
