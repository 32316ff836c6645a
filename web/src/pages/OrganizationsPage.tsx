/** The organization tree the user sees; one organization's members, structure, pages and responsible people. */
import { Card, Col, Descriptions, Empty, Row, Spin, Table, Tree } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PLATFORM_LABELS } from '../../../src/shared/labels.js';
import { orgName } from '../../../src/shared/org-name.js';
import { useOrganizationFigures, useOrganizations } from '../api/organizations.js';
import type { ChannelFigure } from '../api/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PageTitle } from '../components/PageTitle.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useCarriedSearch } from '../lib/org-period.js';
import { type OrgNode, orgTree } from '../lib/org-tree.js';
import type { UiLang } from '../../../src/shared/vocabulary.js';

interface TreeItem {
  key: string;
  title: string;
  children: TreeItem[];
}

function treeItems(nodes: readonly OrgNode[], lang: UiLang): TreeItem[] {
  return nodes.map((node) => ({
    key: node.org.code,
    title: orgName(node.org, lang),
    children: treeItems(node.children, lang),
  }));
}

function Figures({ code }: { code: string }) {
  const { lang, t } = useLang();
  const f = useFormat();
  const search = useCarriedSearch();
  const figures = useOrganizationFigures(code);
  const { data: orgs } = useOrganizations();
  if (figures.error) return <ErrorAlert error={figures.error} />;
  if (!figures.data) return <Spin />;
  const { org, structure } = figures.data;
  const nameOf = (id: number) => {
    const owner = orgs?.find((candidate) => candidate.id === id);
    return owner ? orgName(owner, lang) : '';
  };
  const dashboard = new URLSearchParams(search);
  dashboard.set('org', org.code);
  return (
    <Card
      title={orgName(org, lang, 'full')}
      extra={<Link to={`/?${dashboard.toString()}`}>{t('org.dashboard')}</Link>}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('common.kind')}>{t(`orgKind.${org.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('org.members')}>
          {f.number(figures.data.members)} ({t('common.asOf', { date: f.date(figures.data.asOf) })})
        </Descriptions.Item>
        <Descriptions.Item label={t('org.branches')}>{f.number(structure.branches)}</Descriptions.Item>
        <Descriptions.Item label={t('org.primaries')}>{f.number(structure.primaries)}</Descriptions.Item>
        <Descriptions.Item label={t('org.responsible')} span={2}>
          {figures.data.infoResponsible.length
            ? figures.data.infoResponsible
                .map((person) => `${person.fullName} (${nameOf(person.orgId)})`)
                .join('; ')
            : t('org.noResponsible')}
        </Descriptions.Item>
        <Descriptions.Item label={t('org.zone')}>{org.timeZone}</Descriptions.Item>
      </Descriptions>
      <Table<ChannelFigure>
        aria-label={t('org.channels')}
        style={{ marginTop: 16 }}
        size="small"
        rowKey="code"
        dataSource={figures.data.channels}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        columns={[
          {
            key: 'name',
            title: t('org.channels'),
            render: (_, channel) => <Link to={`/channels/${channel.code}${search}`}>{channel.name}</Link>,
          },
          {
            key: 'platform',
            title: t('common.platform'),
            render: (_, channel) => PLATFORM_LABELS[lang][channel.platform],
          },
          { key: 'owner', title: t('channel.owner'), render: (_, channel) => nameOf(channel.ownerId) },
          {
            key: 'followers',
            title: t('channel.followers'),
            align: 'right',
            render: (_, channel) => f.number(channel.followers),
          },
          {
            key: 'reach',
            title: t('channel.reach'),
            align: 'right',
            render: (_, channel) => f.percent(channel.reach),
          },
        ]}
      />
    </Card>
  );
}

export default function OrganizationsPage() {
  const { lang, t } = useLang();
  const { code } = useParams();
  const navigate = useNavigate();
  const search = useCarriedSearch();
  const organizations = useOrganizations();
  const items = useMemo(() => treeItems(orgTree(organizations.data ?? []), lang), [organizations.data, lang]);
  const selected = code ?? organizations.data?.[0]?.code;
  return (
    <>
      <PageTitle title={t('nav.organizations')} />
      <ErrorAlert error={organizations.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('org.tree')} styles={{ body: { maxHeight: 640, overflow: 'auto' } }}>
            {items.length ? (
              <Tree
                aria-label={t('org.tree')}
                treeData={items}
                defaultExpandedKeys={items.map((item) => item.key)}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => keys[0] && navigate(`/organizations/${String(keys[0])}${search}`)}
                virtual
                height={600}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          {selected && <Figures code={selected} />}
        </Col>
      </Row>
    </>
  );
}
