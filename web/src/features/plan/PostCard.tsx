/** A post on the calendar: its time, state, first words and platforms; dragged to another day to move it. */
import { Tag, Typography } from 'antd';
import type { DragEvent } from 'react';
import { PLATFORM_LABELS } from '../../../../src/shared/labels.js';
import type { PlanPostState } from '../../../../src/shared/vocabulary.js';
import type { PlanPost } from '../../api/plan.js';
import { useLang } from '../../i18n/index.js';

export const STATE_COLORS: Readonly<Record<PlanPostState, string>> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'green',
  returned: 'warning',
  scheduled: 'cyan',
  published: 'success',
  failed: 'error',
};

/** Only a draft or a returned post changes its instant (the server says 409 otherwise). */
export const isMovable = (post: PlanPost) => post.state === 'draft' || post.state === 'returned';

export const DRAG_TYPE = 'application/x-aqparat-post';

export function PostStateTag({ state }: { state: PlanPostState }) {
  const { t } = useLang();
  return (
    <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {t(`plan.state.${state}`)}
    </Tag>
  );
}

export function PostCard({
  post,
  time,
  draggable,
  onOpen,
}: {
  post: PlanPost;
  time: string;
  draggable: boolean;
  onOpen: (post: PlanPost) => void;
}) {
  const { lang } = useLang();
  const text = (lang === 'kk' ? (post.textKk ?? post.textRu) : (post.textRu ?? post.textKk)) ?? '';
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(DRAG_TYPE, String(post.id));
    event.dataTransfer.effectAllowed = 'move';
  };
  const platforms = [...new Set(post.channels.map((channel) => PLATFORM_LABELS[lang][channel.platform]))];
  return (
    <div
      className={`plan-card plan-card-${post.state}`}
      role="button"
      tabIndex={0}
      data-post={post.id}
      draggable={draggable}
      onDragStart={draggable ? onDragStart : undefined}
      onClick={() => onOpen(post)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') onOpen(post);
      }}
    >
      <div className="plan-card-head">
        <Typography.Text strong>{time}</Typography.Text>
        <PostStateTag state={post.state} />
      </div>
      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
        {text}
      </Typography.Paragraph>
      <Typography.Text type="secondary" className="plan-card-platforms">
        {platforms.join(' · ')}
      </Typography.Text>
    </div>
  );
}
