/**
 * The date a period's snapshots are taken at, and what "has a page on a platform on that date" means for the
 * presence matrix and the platform_missing finding alike.
 */
import { describe, expect, it } from 'vitest';
import { snapshotDateOf } from '../../src/domain/period.js';
import { isOpenOn, presenceMatrix } from '../../src/domain/presence.measure.js';
import { evaluateRules } from '../../src/domain/rules.js';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.js';
import { describeFinding } from '../../src/shared/finding.js';
import { BRANCH_A, BRANCH_B, buildFacts } from '../factories/brief-facts.factory.js';

const PLATFORMS = ['facebook', 'instagram', 'telegram'] as const;

const page = (
  channelId: number,
  orgId: number,
  platform: (typeof PLATFORMS)[number],
  dates: { createdOn?: string; closedOn?: string } = {},
) => ({
  channelId,
  orgId,
  platform,
  url: null,
  lastPublished: '2024-08-20',
  createdOn: dates.createdOn ?? null,
  closedOn: dates.closedOn ?? null,
});

describe('the date of a period’s snapshots', () => {
  const year2023 = { from: '2023-01-01', to: '2023-12-31' };

  it('is the end of a period that has ended, today in one that runs, and the date the user names', () => {
    expect(snapshotDateOf(year2023, '2026-12-06')).toBe('2023-12-31');
    expect(snapshotDateOf({ from: '2026-01-01', to: '2026-12-31' }, '2026-12-06')).toBe('2026-12-06');
    expect(snapshotDateOf({ from: '2027-01-01', to: '2027-12-31' }, '2026-12-06')).toBe('2026-12-06');
    expect(snapshotDateOf(year2023, '2026-12-06', '2024-09-01')).toBe('2024-09-01');
  });

  it('refuses a named date that is no date', () => {
    expect(() => snapshotDateOf(year2023, '2026-12-06', '2024-13-45')).toThrow(
      expect.objectContaining({ code: 'period_invalid' }),
    );
  });
});

describe('a page on a platform on a date', () => {
  it('is one opened on or before the date (or whose opening is unknown) and not closed by then', () => {
    expect(isOpenOn({ createdOn: null, closedOn: null }, '2023-12-31')).toBe(true);
    expect(isOpenOn({ createdOn: '2023-12-31', closedOn: null }, '2023-12-31')).toBe(true);
    expect(isOpenOn({ createdOn: '2024-02-01', closedOn: null }, '2023-12-31')).toBe(false);
    expect(isOpenOn({ createdOn: null, closedOn: '2023-12-31' }, '2023-12-31')).toBe(false);
    expect(isOpenOn({ createdOn: null, closedOn: '2024-01-01' }, '2023-12-31')).toBe(true);
  });

  it('leaves a cell of the presence matrix empty for a page opened after the date', () => {
    const channels = [page(1, 2, 'instagram', { createdOn: '2024-02-01' }), page(2, 2, 'facebook')];
    const [row] = presenceMatrix([2], PLATFORMS, channels, '2023-12-31', 90);
    expect(row?.cells.map((cell) => [cell.platform, cell.channels.length])).toEqual([
      ['facebook', 1],
      ['instagram', 0],
      ['telegram', 0],
    ]);
  });

  it('names in platform_missing, platform by platform, exactly the empty cells of the presence matrix', () => {
    // Branch A lacks Telegram only, branch B Instagram only (its page there was closed); the region has all three.
    const channels = [
      page(1, BRANCH_A.id, 'facebook'),
      page(2, BRANCH_A.id, 'instagram'),
      page(3, BRANCH_B.id, 'facebook'),
      page(4, BRANCH_B.id, 'instagram', { closedOn: '2024-06-01' }),
      page(5, BRANCH_B.id, 'telegram'),
    ];
    const rows = presenceMatrix([BRANCH_A.id, BRANCH_B.id], PLATFORMS, channels, '2024-09-01', 90);
    const facts = buildFacts({ presence: { platforms: [...PLATFORMS], activeDays: 90, rows } });
    const finding = evaluateRules(facts, DEFAULT_SETTINGS).find((f) => f.ruleId === 'platform_missing');
    const empty = (platform: string) =>
      rows
        .filter((row) => row.cells.some((cell) => cell.platform === platform && cell.channels.length === 0))
        .map((row) => facts.orgs.get(row.orgId)?.nameRu);
    expect(finding?.params['missing']).toEqual({
      groups: {
        ru: [
          { label: 'Instagram', names: empty('instagram') },
          { label: 'Telegram', names: empty('telegram') },
        ],
        kk: [
          { label: 'Instagram', names: [BRANCH_B.nameKk] },
          { label: 'Telegram', names: [BRANCH_A.nameKk] },
        ],
        // English: the platforms' English names over the organizations' Russian ones (they have no English).
        en: [
          { label: 'Instagram', names: [BRANCH_B.nameRu] },
          { label: 'Telegram', names: [BRANCH_A.nameRu] },
        ],
      },
    });
    expect(empty('instagram')).toEqual([BRANCH_B.nameRu]);
    expect(describeFinding(finding!, 'ru').text).toBe(
      'Без своей страницы — Instagram: Филиал Б; Telegram: Филиал А.',
    );
    expect(describeFinding(finding!, 'kk').text).toBe(
      'Өз парақшасы жоқ — Instagram: Филиал Б (kk); Telegram: Филиал А (kk).',
    );
    expect(describeFinding(finding!, 'en').text).toBe(
      'Without a page of their own — Instagram: Филиал Б; Telegram: Филиал А.',
    );
    expect(finding?.records.map((record) => record.id)).toEqual([BRANCH_A.id, BRANCH_B.id]);
  });
});
