/**
 * The content plan: the posts of the chosen organization's subtree on a month's or a week's calendar (a list on a
 * phone), filtered by channel, topic and state; a post opens to be written, submitted, approved or returned, and a
 * draft dragged to another day moves there. Above the calendar, the month's plan against fact and the targets.
 */
import { Button, Grid, Segmented, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { TOPIC_LABELS } from '../../../src/shared/labels.js';
import { PLAN_POST_STATES, type PlanPostState, TOPICS, type Topic } from '../../../src/shared/vocabulary.js';
import { useOrganizations } from '../api/organizations.js';
import { type PlanPost, useChangePost, usePosts } from '../api/plan.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PageTitle } from '../components/PageTitle.js';
import { PlanCalendar, placed, weekDays } from '../features/plan/PlanCalendar.js';
import { PlanFactPanel } from '../features/plan/PlanFactPanel.js';
import { PlanList } from '../features/plan/PlanList.js';
import { PostDrawer, type PostTarget } from '../features/plan/PostDrawer.js';
import { addDays, instantIn, localParts, mondayOf, monthGrid } from '../features/plan/zone.js';
import '../features/plan/plan.css';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useOrgPeriod } from '../lib/org-period.js';
import { useCan } from '../lib/session.js';

type View = 'month' | 'week';
type MonthNumber = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12';
const FALLBACK_ZONE = 'Asia/Almaty';

export default function PlanPage() {
  const { lang, t } = useLang();
  const f = useFormat();
  const screens = Grid.useBreakpoint();
  // antd's xs is below 576 px: a phone gets the list.
  const phone = screens.sm === false;
  const { org } = useOrgPeriod();
  const { data: orgs } = useOrganizations();
  const canWrite = useCan('publications', 'write');
  const zone = org?.timeZone ?? FALLBACK_ZONE;
  const zoneOf = useMemo(() => {
    const zones = new Map((orgs ?? []).map((candidate) => [candidate.code, candidate.timeZone]));
    return (code: string) => zones.get(code) ?? zone;
  }, [orgs, zone]);
  const [now] = useState(() => Date.now());
  const today = localParts(now, zone).date;
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState(today);
  const [channel, setChannel] = useState<string | undefined>();
  const [topic, setTopic] = useState<Topic | undefined>();
  const [state, setState] = useState<PlanPostState | undefined>();
  const [target, setTarget] = useState<PostTarget | null>(null);
  const posts = usePosts(org?.code);
  const change = useChangePost();

  const all = posts.data ?? [];
  const channelCodes = [
    ...new Set(all.flatMap((post) => post.channels.map((sending) => sending.channel))),
  ].sort();
  const shown = placed(
    all.filter(
      (post) =>
        (!channel || post.channels.some((sending) => sending.channel === channel)) &&
        (!topic || post.topic === topic) &&
        (!state || post.state === state),
    ),
    zoneOf,
  );
  const weekly = view === 'week' && !phone;
  const month = anchor.slice(0, 7);
  const days = weekly ? weekDays(mondayOf(anchor)) : monthGrid(month);
  const step = (direction: 1 | -1) =>
    setAnchor(
      weekly ? addDays(anchor, 7 * direction) : `${addDays(`${month}-15`, 30 * direction).slice(0, 7)}-01`,
    );
  const heading = weekly
    ? `${f.date(days[0])} — ${f.date(days[6])}`
    : t('plan.monthYear', { month: t(`month.${month.slice(5, 7) as MonthNumber}`), year: month.slice(0, 4) });
  const open = (post: PlanPost) => setTarget({ post, org: post.org, date: today });
  const openNew = (date: string) => {
    if (canWrite && org) setTarget({ org: org.code, date: date < today ? today : date });
  };
  const move = (post: PlanPost, date: string) =>
    change.mutate({
      id: post.id,
      change: {
        plannedAt: instantIn(date, localParts(post.plannedAt, zoneOf(post.org)).time, zoneOf(post.org)),
      },
    });

  return (
    <>
      <PageTitle title={t('nav.plan')}>
        {canWrite && (
          <Button type="primary" onClick={() => openNew(today)}>
            {t('plan.newPost')}
          </Button>
        )}
      </PageTitle>
      <div className="plan-toolbar" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Space wrap>
          <Button aria-label={t('plan.previous')} onClick={() => step(-1)}>
            ‹
          </Button>
          <Typography.Text strong style={{ minWidth: 140, display: 'inline-block', textAlign: 'center' }}>
            {heading}
          </Typography.Text>
          <Button aria-label={t('plan.next')} onClick={() => step(1)}>
            ›
          </Button>
          <Button onClick={() => setAnchor(today)}>{t('plan.today')}</Button>
          {!phone && (
            <Segmented<View>
              value={view}
              onChange={setView}
              options={[
                { value: 'month', label: t('plan.month') },
                { value: 'week', label: t('plan.week') },
              ]}
            />
          )}
        </Space>
        <Space wrap>
          <Select
            aria-label={t('pub.channel')}
            placeholder={t('pub.channel')}
            allowClear
            style={{ minWidth: 150 }}
            value={channel}
            onChange={setChannel}
            options={channelCodes.map((code) => ({ value: code, label: code }))}
          />
          <Select
            aria-label={t('pub.topic')}
            placeholder={t('pub.topic')}
            allowClear
            style={{ minWidth: 150 }}
            popupMatchSelectWidth={false}
            value={topic}
            onChange={setTopic}
            options={TOPICS.map((value) => ({ value, label: TOPIC_LABELS[lang][value] }))}
          />
          <Select
            aria-label={t('plan.stateLabel')}
            placeholder={t('plan.stateLabel')}
            allowClear
            style={{ minWidth: 150 }}
            value={state}
            onChange={setState}
            options={PLAN_POST_STATES.map((value) => ({ value, label: t(`plan.state.${value}`) }))}
          />
        </Space>
      </div>
      <ErrorAlert error={posts.error ?? change.error} />
      <PlanFactPanel orgCode={org?.code} period={month} />
      {phone ? (
        <PlanList posts={shown.filter((entry) => entry.date.startsWith(month))} onOpen={open} />
      ) : (
        <PlanCalendar
          days={days}
          {...(weekly ? { week: true } : { month })}
          today={today}
          posts={shown}
          mayMove={canWrite}
          onOpen={open}
          onMove={move}
          onNew={openNew}
        />
      )}
      {!phone && canWrite && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('plan.dragHint')}
        </Typography.Paragraph>
      )}
      {target && (
        <PostDrawer
          key={target.post ? `post-${target.post.id}` : `new-${target.date}`}
          target={target}
          zoneOf={zoneOf}
          onClose={() => setTarget(null)}
        />
      )}
    </>
  );
}
