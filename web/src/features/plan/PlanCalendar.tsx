/**
 * The plan's month and week: days in the organization's zone, Monday first; a post dragged onto another day keeps
 * its hour and moves to that day. A phone gets the list (PlanList) instead.
 */
import { Typography } from 'antd';
import { type DragEvent, useState } from 'react';
import type { PlanPost } from '../../api/plan.js';
import { useLang } from '../../i18n/index.js';
import { DRAG_TYPE, isMovable, PostCard } from './PostCard.js';
import { addDays, localParts } from './zone.js';

export interface PlacedPost {
  post: PlanPost;
  date: string;
  time: string;
}

/** Monday to Sunday: the keys of the weekdays' short names (browsers know no Kazakh ones). */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The posts placed on their local day and time in the zone of their organization. */
export function placed(posts: readonly PlanPost[], zoneOf: (org: string) => string): PlacedPost[] {
  return posts.map((post) => ({ post, ...localParts(post.plannedAt, zoneOf(post.org)) }));
}

export function PlanCalendar({
  days,
  month,
  today,
  posts,
  mayMove,
  onOpen,
  onMove,
  onNew,
  week,
}: {
  days: readonly string[];
  /** `YYYY-MM` of a month's grid: its days are shown brighter than the neighbours'. */
  month?: string;
  today: string;
  posts: readonly PlacedPost[];
  mayMove: boolean;
  onOpen: (post: PlanPost) => void;
  onMove: (post: PlanPost, date: string) => void;
  onNew?: (date: string) => void;
  week?: boolean;
}) {
  const { t } = useLang();
  const [over, setOver] = useState<string | null>(null);
  const byDay = new Map<string, PlacedPost[]>();
  for (const entry of posts) byDay.set(entry.date, [...(byDay.get(entry.date) ?? []), entry]);
  const drop = (date: string) => (event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    const id = Number(event.dataTransfer.getData(DRAG_TYPE));
    const entry = posts.find((candidate) => candidate.post.id === id);
    if (entry && entry.date !== date) onMove(entry.post, date);
  };
  return (
    <div className={`plan-grid${week ? ' plan-grid-week' : ''}`} role="grid" aria-label={t('plan.calendar')}>
      {WEEKDAYS.map((day) => (
        <div key={day} className="plan-weekday" role="columnheader">
          {t(`plan.weekday.${day}`)}
        </div>
      ))}
      {days.map((date) => {
        const entries = (byDay.get(date) ?? []).toSorted((a, b) => a.time.localeCompare(b.time));
        const outside = month !== undefined && !date.startsWith(month);
        return (
          <div
            key={date}
            role="gridcell"
            data-date={date}
            className={[
              'plan-day',
              outside ? 'plan-day-outside' : '',
              date === today ? 'plan-day-today' : '',
              over === date ? 'plan-day-over' : '',
            ].join(' ')}
            onDragOver={
              mayMove
                ? (event) => {
                    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
                    event.preventDefault();
                    setOver(date);
                  }
                : undefined
            }
            onDragLeave={() => setOver((current) => (current === date ? null : current))}
            onDrop={mayMove ? drop(date) : undefined}
            onDoubleClick={onNew ? () => onNew(date) : undefined}
          >
            <Typography.Text type={outside ? 'secondary' : undefined} className="plan-day-number">
              {week ? `${date.slice(8, 10)}.${date.slice(5, 7)}` : Number(date.slice(8, 10))}
            </Typography.Text>
            {entries.map((entry) => (
              <PostCard
                key={entry.post.id}
                post={entry.post}
                time={entry.time}
                draggable={mayMove && isMovable(entry.post)}
                onOpen={onOpen}
              />
            ))}
          </div>
        );
      })}
    </div>
  );
}

/** The seven days from the Monday given. */
export const weekDays = (monday: string) => Array.from({ length: 7 }, (_, day) => addDays(monday, day));
