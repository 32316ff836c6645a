/** The plan on a phone: the month's posts day by day, no grid to scroll sideways. */
import { Empty, Typography } from 'antd';
import type { PlanPost } from '../../api/plan.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';
import type { PlacedPost } from './PlanCalendar.js';
import { PostCard } from './PostCard.js';

/** 1 for Monday to 7 for Sunday. */
const weekdayOf = (date: string) =>
  (((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;

export function PlanList({
  posts,
  onOpen,
}: {
  posts: readonly PlacedPost[];
  onOpen: (post: PlanPost) => void;
}) {
  const { t } = useLang();
  const f = useFormat();
  const sorted = posts.toSorted((a, b) => `${a.date}${a.time}`.localeCompare(`${b.date}${b.time}`));
  const days = [...new Set(sorted.map((entry) => entry.date))];
  if (days.length === 0) return <Empty description={t('plan.none')} />;
  return (
    <div className="plan-list" aria-label={t('plan.calendar')}>
      {days.map((date) => (
        <section key={date} data-date={date}>
          <Typography.Title level={5} style={{ margin: '12px 0 6px' }}>
            {f.date(date)}, {t(`plan.weekday.${weekdayOf(date)}`)}
          </Typography.Title>
          {sorted
            .filter((entry) => entry.date === date)
            .map((entry) => (
              <PostCard
                key={entry.post.id}
                post={entry.post}
                time={entry.time}
                draggable={false}
                onOpen={onOpen}
              />
            ))}
        </section>
      ))}
    </div>
  );
}
