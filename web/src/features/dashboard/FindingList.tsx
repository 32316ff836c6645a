/** The rules' findings: what was found, the recommendation, and links to the records behind them. */
import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { DashboardFinding, PublicationFilter } from '../../../../src/shared/dashboard.js';
import type { EvidenceRecord } from '../../../../src/shared/finding.js';
import { orgName } from '../../../../src/shared/org-name.js';
import { withQuery } from '../../api/client.js';
import { useOrganizations } from '../../api/organizations.js';
import { useRecords } from '../../api/registry.js';
import { useOrgPeriod } from '../../lib/org-period.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';

/** Where in the application a piece of evidence is shown. */
function evidencePath(record: EvidenceRecord): string | undefined {
  switch (record.kind) {
    case 'publication':
      return `/publications/${record.id}`;
    case 'task':
    case 'decision':
      return '/decisions';
    case 'mention':
      return '/media';
    case 'material':
      return '/materials';
    default:
      return undefined;
  }
}

export function publicationsLink(filter: PublicationFilter): string {
  return withQuery('/publications', { ...filter });
}

const SHOWN_RECORDS = 8;

function Evidence({ finding }: { finding: DashboardFinding }) {
  const { lang, t } = useLang();
  const f = useFormat();
  const { data: orgs } = useOrganizations();
  const { orgCode } = useOrgPeriod();
  // The subtree's channels name the channels a finding is about; a region has tens of them.
  const channels = useRecords('channels', { org: orgCode, pageSize: 500 }, finding.links.channels.length > 0);
  const nameOf = (code: string) => {
    const org = orgs?.find((candidate) => candidate.code === code);
    return org ? orgName(org, lang) : code;
  };
  const channelName = (code: string) =>
    channels.data?.items.find((channel) => channel.code === code)?.name ?? code;
  const { links } = finding;
  return (
    <Space wrap size={[4, 4]}>
      <Typography.Text type="secondary">{t('dashboard.evidence')}:</Typography.Text>
      {links.orgs.map((code) => (
        <Link key={`org-${code}`} to={`/organizations/${code}`}>
          <Tag>{nameOf(code)}</Tag>
        </Link>
      ))}
      {links.channels.map((code) => (
        <Link key={`channel-${code}`} to={`/channels/${code}`}>
          <Tag data-user-text>{channelName(code)}</Tag>
        </Link>
      ))}
      {finding.records
        .filter((record) => record.kind !== 'organization' && record.kind !== 'channel')
        .slice(0, SHOWN_RECORDS)
        .map((record) => {
          const path = evidencePath(record);
          const text = record.date ? `${record.label} (${f.date(record.date)})` : record.label;
          return path ? (
            <Link key={`${record.kind}-${record.id}`} to={path}>
              <Tag data-user-text>{text}</Tag>
            </Link>
          ) : (
            <Tag key={`${record.kind}-${record.id}`} data-user-text>
              {text}
            </Tag>
          );
        })}
      {links.publications && (
        <Link to={publicationsLink(links.publications)}>{t('dashboard.showPublications')}</Link>
      )}
    </Space>
  );
}

export function FindingList({ findings }: { findings: readonly DashboardFinding[] }) {
  const { t } = useLang();
  return (
    <Card size="small" title={t('dashboard.findings')}>
      {findings.length === 0 && (
        <Typography.Text type="secondary">{t('dashboard.noFindings')}</Typography.Text>
      )}
      {findings.map((finding) => (
        <section
          key={finding.ruleId}
          aria-label={finding.title}
          style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
        >
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Typography.Text strong>{finding.title}</Typography.Text>
            <Typography.Text>{finding.text}</Typography.Text>
            <Typography.Text>
              <Typography.Text type="secondary">{t('dashboard.recommendation')}: </Typography.Text>
              {finding.recommendation}
            </Typography.Text>
            <Evidence finding={finding} />
          </Space>
        </section>
      ))}
    </Card>
  );
}
