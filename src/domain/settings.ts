/**
 * The settings every judgement is made with: rule thresholds and the presence window. Defaults here; an
 * installation overrides them (stored settings), never by editing code.
 */
import type { Platform } from '../shared/vocabulary.js';

export interface RuleSettings {
  /** Followers of the organization's own pages ÷ members below this is low reach. */
  low_reach: { minReach: number };
  /** Platforms every region and branch should have a page on. */
  platform_missing: { platforms: Platform[] };
  /** Share of legal-protection materials below this is low (judged with at least `minPosts` publications). */
  legal_share_low: { minShare: number; minPosts: number };
  /** Share of declarative materials above this dominates. */
  declarative_dominant: { maxShare: number; minPosts: number };
  /** Share of reposts above this dominates. */
  reposts_dominant: { maxShare: number; minPosts: number };
  /** Branches with fewer publications (as subject) in the period than this. */
  branches_without_publications: { minPublications: number };
  no_info_responsible: Record<string, never>;
  /** Mentions of the last full year fewer than the year before by at least this share. */
  media_coverage_falling: { minDrop: number };
  /** Registered app users ÷ members below this is low adoption. */
  app_adoption_low: { minShare: number };
  /** More overdue decision tasks than this. */
  overdue_tasks: { maxOverdue: number };
  /** Channels with a collector and no successful collection in more than this many days. */
  collection_stale: { days: number };
}

export type RuleId = keyof RuleSettings;

export interface Settings {
  rules: RuleSettings;
  /** A page is active when it published within this many days before the date. */
  presence: { activeDays: number };
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {
    low_reach: { minReach: 0.1 },
    platform_missing: { platforms: ['instagram', 'telegram'] },
    legal_share_low: { minShare: 0.15, minPosts: 10 },
    declarative_dominant: { maxShare: 0.5, minPosts: 10 },
    reposts_dominant: { maxShare: 0.3, minPosts: 10 },
    branches_without_publications: { minPublications: 1 },
    no_info_responsible: {},
    media_coverage_falling: { minDrop: 0.2 },
    app_adoption_low: { minShare: 0.1 },
    overdue_tasks: { maxOverdue: 0 },
    collection_stale: { days: 3 },
  },
  presence: { activeDays: 90 },
};

/** Defaults with stored overrides laid over them, rule by rule. */
export function withOverrides(overrides: {
  rules?: { [K in RuleId]?: Partial<RuleSettings[K]> };
  presence?: Partial<Settings['presence']>;
}): Settings {
  const rules = { ...DEFAULT_SETTINGS.rules } as Record<RuleId, object>;
  for (const [id, values] of Object.entries(overrides.rules ?? {})) {
    if (id in rules) rules[id as RuleId] = { ...rules[id as RuleId], ...values };
  }
  return {
    rules: rules as unknown as RuleSettings,
    presence: { ...DEFAULT_SETTINGS.presence, ...overrides.presence },
  };
}
