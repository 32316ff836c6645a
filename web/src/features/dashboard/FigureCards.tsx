/** The dashboard's figures: members and structure, followers and reach, publications against the previous period, shares. */
import { Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Panel } from '../../components/Panel.js';
import type { Compared, DashboardResponse } from '../../../../src/shared/dashboard.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';

function Figure({ title, value, note }: { title: string; value: string; note?: ReactNode }) {
  return (
    <Col xs={12} sm={12} md={8} xl={6}>
      <Panel label={title} style={{ height: '100%' }}>
        <Statistic title={title} value={value} />
        {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      </Panel>
    </Col>
  );
}

export function FigureCards({ data }: { data: DashboardResponse }) {
  const { t } = useLang();
  const f = useFormat();
  const previous = (figure: Compared) => t('dashboard.previous', { value: f.number(figure.previous) });
  const share = (count: number, base: number) =>
    t('dashboard.shareOf', { part: f.number(count), base: f.number(base) });
  const { content } = data;
  // Members and followers are snapshots: the date they are taken at stands beside them.
  const asOf = t('dashboard.asOf', { date: f.date(data.asOf) });
  return (
    <Row gutter={[12, 12]}>
      <Figure title={t('dashboard.members')} value={f.number(data.members)} note={asOf} />
      <Figure
        title={t('dashboard.primaries')}
        value={f.number(data.primaries)}
        note={`${t('dashboard.branches')}: ${f.number(data.branches)}`}
      />
      <Figure
        title={t('dashboard.followers')}
        value={f.number(data.followers)}
        note={`${t('dashboard.reach', { reach: f.percent(data.reach) })} · ${asOf}`}
      />
      <Figure
        title={t('dashboard.publications')}
        value={f.number(data.publications.current)}
        note={previous(data.publications)}
      />
      <Figure
        title={t('dashboard.website')}
        value={f.number(data.websitePublications.current)}
        note={previous(data.websitePublications)}
      />
      <Figure
        title={t('dashboard.legalShare')}
        value={f.percent(content.legalShare)}
        note={share(content.legal, content.posts)}
      />
      <Figure
        title={t('dashboard.declarativeShare')}
        value={f.percent(content.declarativeShare)}
        note={share(content.declarative, content.judged)}
      />
      <Figure
        title={t('dashboard.repostShare')}
        value={f.percent(content.repostShare)}
        note={share(content.reposts, content.posts)}
      />
      <Figure
        title={t('dashboard.mentions')}
        value={f.number(data.mediaMentions.current)}
        note={previous(data.mediaMentions)}
      />
    </Row>
  );
}
