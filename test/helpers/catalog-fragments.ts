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

const catalogs = (lang: 'ru' | 'kk') => [
  BRIEF_TEXTS[lang],
  RULE_TEXTS[lang],
  PLATFORM_LABELS[lang],
  TOPIC_LABELS[lang],
  OUTLET_LEVEL_LABELS[lang],
  BODY_LABELS[lang],
  TASK_STATUS_LABELS[lang],
  MATERIAL_KIND_LABELS[lang],
  MENTION_KIND_LABELS[lang],
];

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
