/**
 * The fixed words of the Russian brief (its texts, rule texts and labels), cut at their placeholders: none of
 * them may appear in the Kazakh brief unless the Kazakh texts use the same words (names like Facebook).
 */
import { BRIEF_TEXTS } from '../../src/reports/brief.texts.js';
import {
  BODY_LABELS,
  MATERIAL_KIND_LABELS,
  MENTION_KIND_LABELS,
  OUTLET_LEVEL_LABELS,
  PLATFORM_LABELS,
  TASK_STATUS_LABELS,
  TOPIC_LABELS,
} from '../../src/shared/labels.js';
import { RULE_TEXTS } from '../../src/shared/rule-texts.js';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Every catalog of words the brief is written with, by name; ru and kk in each (some have en too). */
export const BRIEF_CATALOGS = {
  brief: BRIEF_TEXTS,
  rules: RULE_TEXTS,
  platforms: PLATFORM_LABELS,
  topics: TOPIC_LABELS,
  outletLevels: OUTLET_LEVEL_LABELS,
  bodies: BODY_LABELS,
  taskStatuses: TASK_STATUS_LABELS,
  materialKinds: MATERIAL_KIND_LABELS,
  mentionKinds: MENTION_KIND_LABELS,
};

const catalogs = (lang: 'ru' | 'kk') => Object.values(BRIEF_CATALOGS).map((catalog) => catalog[lang]);

export function russianOnlyFragments(): string[] {
  const fragments = (lang: 'ru' | 'kk') =>
    strings(catalogs(lang)).flatMap((text) =>
      text
        .split(/\{\w+\}/)
        .map((part) => part.trim().replace(/^[—:;,.()\s]+|[—:;,.()\s]+$/g, ''))
        .filter((part) => part.length >= 4),
    );
  const kazakh = new Set(fragments('kk'));
  return [...new Set(fragments('ru'))].filter((fragment) => !kazakh.has(fragment));
}
