/**
 * Engagement of the period: reactions, comments, shares, views and the brief's two rates per platform and per
 * organization (the organization itself, each branch, the direct primaries), and the top posts by interactions
 * with a preview, each opening the post on its platform.
 */
import { Card, Col, List, Row, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type {
  EngagementAnswer,
  EngagementFiguresAnswer,
  TopPost,
} from '../../../../src/shared/engagement.schema.js';
import { PLATFORM_LABELS } from '../../../../src/shared/labels.js';
import { orgName } from '../../../../src/shared/org-name.js';
import { useEngagement } from '../../api/engagement.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';

type PlatformRow = EngagementAnswer['byPlatform'][number];
type SubjectRow = EngagementAnswer['bySubject'][number];

/** The figures' columns, after the row's name. */
function useFigureColumns<T extends EngagementFiguresAnswer>(): ColumnsType<T> {
  const { t } = useLang();
  const f = useFormat();
  const number = (key: keyof EngagementFiguresAnswer, title: string) => ({
    key,
    title,
    align: 'right' as const,
    render: (_: unknown, row: T) => (
      // Views are counted on some platforms only: none counted is no figure, not zero views.
      <span data-figure={key}>{key === 'views' && row.postsWithViews === 0 ? '—' : f.number(row[key])}</span>
    ),
  });
  const rate = (key: 'engagementByFollowers' | 'engagementByViews', title: string) => ({
    key,
    title,
    align: 'right' as const,
    render: (_: unknown, row: T) => <span data-figure={key}>{f.percent(row[key])}</span>,
  });
  return [
    number('posts', t('analytics.posts')),
    number('reactions', t('analytics.reactions')),
    number('comments', t('analytics.comments')),
    number('shares', t('analytics.shares')),
    number('views', t('analytics.views')),
    rate('engagementByFollowers', t('analytics.erFollowers')),
    rate('engagementByViews', t('analytics.erViews')),
  ];
}

function TopPostItem({ post }: { post: TopPost }) {
  const { lang, t } = useLang();
  const f = useFormat();
  const text =
    post.title && !post.preview.startsWith(post.title) ? `${post.title}. ${post.preview}` : post.preview;
  return (
    <List.Item data-top-post={post.id}>
      <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
        <Space size={[6, 2]} wrap>
          <Tag>{PLATFORM_LABELS[lang][post.channel.platform]}</Tag>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {f.date(post.localDate)}
          </Typography.Text>
          <Typography.Text type="secondary" data-user-text>
            {orgName(post.subject, lang)}
          </Typography.Text>
        </Space>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }} data-user-text>
          {text}
        </Typography.Paragraph>
        <Space size={[12, 2]} wrap>
          <Typography.Text strong data-figure="interactions">
            {t('analytics.interactions')}: {f.number(post.interactions)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t('analytics.reactions')} {f.number(post.reactions)} · {t('analytics.comments')}{' '}
            {f.number(post.comments)} · {t('analytics.shares')} {f.number(post.shares)}
          </Typography.Text>
          {post.url && (
            <Typography.Link href={post.url} target="_blank" rel="noreferrer">
              {t('analytics.openPost')}
            </Typography.Link>
          )}
        </Space>
      </Space>
    </List.Item>
  );
}

export function EngagementSection({ orgCode, period }: { orgCode: string; period: string }) {
  const { lang, t } = useLang();
  const f = useFormat();
  const answer = useEngagement(orgCode, period);
  const columns = useFigureColumns<PlatformRow>();
  const subjectColumns = useFigureColumns<SubjectRow>();
  if (answer.error) return <ErrorAlert error={answer.error} />;
  const data = answer.data;
  const title = t('analytics.engagement');
  const subjectName = (row: SubjectRow) =>
    row.org ? orgName(row.org, lang) : t('dashboard.directPrimaries');
  const table = { size: 'small' as const, pagination: false as const, scroll: { x: 'max-content' } };
  return (
    <Card size="small" title={title} role="region" aria-label={title} loading={!data}>
      {data && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('analytics.engagementHint', { date: f.date(data.asOf) })}
          </Typography.Text>
          <Table<PlatformRow>
            {...table}
            aria-label={t('analytics.byPlatform')}
            rowKey="platform"
            dataSource={data.byPlatform}
            columns={[
              {
                key: 'platform',
                title: t('analytics.platform'),
                render: (_, row) => PLATFORM_LABELS[lang][row.platform],
              },
              ...columns,
            ]}
            summary={() => (
              <Table.Summary.Row data-row="total">
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('dashboard.total')}</Typography.Text>
                </Table.Summary.Cell>
                {(
                  [
                    ['posts', f.number(data.total.posts)],
                    ['reactions', f.number(data.total.reactions)],
                    ['comments', f.number(data.total.comments)],
                    ['shares', f.number(data.total.shares)],
                    ['views', data.total.postsWithViews === 0 ? '—' : f.number(data.total.views)],
                    ['engagementByFollowers', f.percent(data.total.engagementByFollowers)],
                    ['engagementByViews', f.percent(data.total.engagementByViews)],
                  ] as const
                ).map(([key, value], index) => (
                  <Table.Summary.Cell key={key} index={index + 1} align="right">
                    <Typography.Text strong data-figure={key}>
                      {value}
                    </Typography.Text>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
          />
          <Table<SubjectRow>
            {...table}
            aria-label={t('analytics.bySubject')}
            rowKey={(row) => row.org?.code ?? row.group}
            dataSource={data.bySubject}
            columns={[
              {
                key: 'org',
                title: t('common.organization'),
                // Long branch names wrap at word ends so that a phone shows the figures beside them.
                render: (_, row) => (
                  <div style={{ minWidth: 120, maxWidth: 200 }}>
                    {row.org ? <span data-user-text>{subjectName(row)}</span> : subjectName(row)}
                  </div>
                ),
              },
              ...subjectColumns,
            ]}
          />
          <Row>
            <Col span={24}>
              <Typography.Title level={5}>{t('analytics.topPosts')}</Typography.Title>
              <List<TopPost>
                aria-label={t('analytics.topPosts')}
                size="small"
                dataSource={data.topPosts}
                locale={{ emptyText: t('analytics.noTopPosts') }}
                rowKey="id"
                renderItem={(post) => <TopPostItem post={post} />}
              />
            </Col>
          </Row>
        </Space>
      )}
    </Card>
  );
}
