/** The rule collection_stale: channels a collector reads and that no collection succeeded on in N days. */
import { describe, expect, it } from 'vitest';
import type { CollectedChannelFact } from '../../src/domain/collection.measure.js';
import { evaluateRule, evaluateRules } from '../../src/domain/rules.js';
import { DEFAULT_SETTINGS, withOverrides } from '../../src/domain/settings.js';
import { describeFinding } from '../../src/shared/finding.js';
import { settingsInput } from '../../src/shared/settings.schema.js';
import { buildFacts } from '../factories/brief-facts.factory.js';

const NOW = '2026-12-07T06:00:00.000Z';
const channel = (id: number, name: string, lastSuccessAt: string | null): CollectedChannelFact => ({
  channelId: id,
  code: `ch-${id}`,
  name,
  url: `https://t.me/ch_${id}`,
  timeZone: 'Asia/Almaty',
  lastSuccessAt,
});
const factsWith = (...channels: CollectedChannelFact[]) =>
  buildFacts({ collection: { checkedAt: NOW, channels } });

describe('collection_stale', () => {
  it('names the channels without a success in more than 3 days (the default), never collected ones too', () => {
    const finding = evaluateRule(
      'collection_stale',
      factsWith(
        channel(1, 'Свежий', '2026-12-06T20:00:00.000Z'),
        channel(2, 'На грани', '2026-12-04T06:00:00.000Z'),
        channel(3, 'Устаревший', '2026-12-03T20:00:00.000Z'),
        channel(4, 'Новый', null),
      ),
      DEFAULT_SETTINGS,
    );
    expect(finding).toMatchObject({
      ruleId: 'collection_stale',
      threshold: { days: 3 },
      params: { days: { number: 3 } },
      records: [
        // The last success's day in the owner's calendar (Almaty: 4 December, 01:00).
        { kind: 'channel', id: 3, label: 'Устаревший', url: 'https://t.me/ch_3', date: '2026-12-04' },
        { kind: 'channel', id: 4, label: 'Новый', url: 'https://t.me/ch_4' },
      ],
    });
    expect(finding?.records[1]).not.toHaveProperty('date');
    expect(describeFinding(finding!, 'ru').text).toBe(
      'Нет успешного автоматического сбора больше 3 дн.: Устаревший, Новый.',
    );
    expect(describeFinding(finding!, 'kk').text).toBe(
      '3 күннен астам автоматты жинау сәтті болмаған арналар: Устаревший, Новый.',
    );
  });

  it('is quiet when every collected channel succeeded recently, or none is collected', () => {
    expect(
      evaluateRule(
        'collection_stale',
        factsWith(channel(1, 'А', '2026-12-05T06:00:00.000Z')),
        DEFAULT_SETTINGS,
      ),
    ).toBeNull();
    expect(evaluateRule('collection_stale', factsWith(), DEFAULT_SETTINGS)).toBeNull();
    expect(evaluateRules(buildFacts(), DEFAULT_SETTINGS).map((f) => f.ruleId)).not.toContain(
      'collection_stale',
    );
  });

  it('judges with the stored number of days', () => {
    const facts = factsWith(channel(1, 'А', '2026-12-05T06:00:00.000Z'));
    const settings = withOverrides({ rules: { collection_stale: { days: 1 } } });
    expect(evaluateRule('collection_stale', facts, settings)?.threshold).toEqual({ days: 1 });
    expect(settingsInput.safeParse({ rules: { collection_stale: { days: 0 } } }).success).toBe(false);
    expect(settingsInput.safeParse({ rules: { collection_stale: { days: 7 } } }).success).toBe(true);
  });
});
