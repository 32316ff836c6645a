import { describe, expect, it } from 'vitest';
import {
  lengthBandOf,
  MIN_POSTS_FOR_VERDICT,
  type PostingFact,
  postingTime,
  weekdayHourOf,
} from '../../src/domain/posting-time.measure.js';

const post = (publishedAt: string, fields: Partial<PostingFact> = {}): PostingFact => ({
  channelId: 1,
  publishedAt,
  mediaKind: 'photo',
  length: 120,
  reactions: null,
  comments: null,
  shares: null,
  views: null,
  ...fields,
});

describe('weekday and hour on the zone’s clock', () => {
  it('puts 23:30 UTC on the next day in Asia/Almaty', () => {
    // Monday 2024-03-04 23:30 UTC is Tuesday 04:30 or 05:30 in Almaty (UTC+5 since March 2024, UTC+6 before).
    const at = weekdayHourOf('2024-03-04T23:30:00.000Z', 'Asia/Almaty');
    expect(at.weekday).toBe(2);
    expect([4, 5]).toContain(at.hour);
    expect(weekdayHourOf('2024-03-04T23:30:00.000Z', 'UTC')).toEqual({ weekday: 1, hour: 23 });
  });

  it('takes the zone’s offset of the date: UTC+6 in 2023, UTC+5 from 1 March 2024', () => {
    expect(weekdayHourOf('2023-06-04T18:10:00.000Z', 'Asia/Almaty')).toEqual({ weekday: 1, hour: 0 });
    expect(weekdayHourOf('2024-06-02T19:10:00.000Z', 'Asia/Almaty')).toEqual({ weekday: 1, hour: 0 });
    expect(weekdayHourOf('2024-06-09T18:59:00.000Z', 'Asia/Almaty')).toEqual({ weekday: 7, hour: 23 });
  });
});

describe('when and how to post', () => {
  it('counts each cell’s posts and gives a verdict only from the stated minimum', () => {
    // Five posts on Tuesdays at 10 in Almaty (05 UTC in 2023), two on a Friday at 19 (13 UTC).
    const tuesdays = ['2023-03-07', '2023-03-14', '2023-03-21', '2023-03-28', '2023-04-04'].map(
      (day, index) => post(`${day}T04:15:00.000Z`, { reactions: index * 2 }),
    );
    const fridays = ['2023-03-10', '2023-03-17'].map((day) =>
      post(`${day}T13:00:00.000Z`, { reactions: 30 }),
    );
    const result = postingTime([...tuesdays, ...fridays], new Map([[1, 100]]), 'Asia/Almaty');
    expect(result.minPosts).toBe(MIN_POSTS_FOR_VERDICT);
    expect(result.grid.map((cell) => [cell.weekday, cell.hour, cell.posts, cell.verdict])).toEqual([
      [2, 10, 5, true],
      [5, 19, 2, false],
    ]);
    const tuesday = result.grid[0];
    expect(tuesday?.meanInteractions).toBe((0 + 2 + 4 + 6 + 8) / 5);
    expect(tuesday?.engagementByFollowers).toBeCloseTo(4 / 100, 12);
    expect(result.byWeekday.map((day) => day.posts)).toEqual([0, 5, 0, 0, 2, 0, 0]);
  });

  it('splits by media kind and by length band, with the posts behind each', () => {
    const posts = [
      post('2023-05-01T05:00:00.000Z', { mediaKind: 'video', length: 299, views: 100, reactions: 5 }),
      post('2023-05-01T05:00:00.000Z', { mediaKind: 'video', length: 300, views: 300, reactions: 1 }),
      post('2023-05-01T05:00:00.000Z', { mediaKind: null, length: 1000 }),
      post('2023-05-01T05:00:00.000Z', { mediaKind: 'text', length: 0 }),
    ];
    const result = postingTime(posts, new Map(), 'Asia/Almaty');
    expect(result.byMediaKind.map((cell) => [cell.mediaKind, cell.posts])).toEqual([
      ['text', 1],
      ['video', 2],
      ['unknown', 1],
    ]);
    const video = result.byMediaKind.find((cell) => cell.mediaKind === 'video');
    expect(video?.engagementByViews).toBeCloseTo(6 / 400, 12);
    expect(video?.engagementByFollowers).toBeNull();
    expect(result.byLength.map((cell) => [cell.band, cell.posts])).toEqual([
      ['short', 2],
      ['medium', 1],
      ['long', 1],
    ]);
    expect([
      lengthBandOf(0),
      lengthBandOf(299),
      lengthBandOf(300),
      lengthBandOf(999),
      lengthBandOf(1000),
    ]).toEqual(['short', 'short', 'medium', 'medium', 'long']);
  });
});
