/** The organization tree the user sees; one organization's members, structure, pages and responsible people. */
import { Card, Col, Descriptions, Empty, Grid, Row, Space, Spin, Tree } from 'antd';
import { ListTable } from '../components/ListTable.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PLATFORM_LABELS } from '../../../src/shared/labels.js';
import { orgName } from '../../../src/shared/org-name.js';
import { useOrganizationFigures, useOrganizations } from '../api/organizations.js';
import type { ChannelFigure } from '../api/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { OrganizationNames } from '../features/organizations/OrganizationNames.js';
import { PageTitle } from '../components/PageTitle.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useCan } from '../lib/session.js';
import { useCarriedSearch, useOrgPeriod } from '../lib/org-period.js';
import { ancestorCodes, type OrgNode, orgTree } from '../lib/org-tree.js';
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
  const { period } = useOrgPeriod();
  const figures = useOrganizationFigures(code, period);
  const screens = Grid.useBreakpoint();
  const { data: orgs } = useOrganizations();
  const canRename = useCan('organizations');
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
      extra={
        <Space wrap>
          {canRename && <OrganizationNames org={org} />}
          <Link to={`/?${dashboard.toString()}`}>{t('org.dashboard')}</Link>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        bordered
        // On a phone each label stands above its value: side by side, the values were squeezed mid-word.
        layout={screens.sm ? 'horizontal' : 'vertical'}
      >
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
      <ListTable<ChannelFigure>
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
  const { orgCode } = useOrgPeriod();
  const items = useMemo(() => treeItems(orgTree(organizations.data ?? []), lang), [organizations.data, lang]);
  // The organization of the address, else the one chosen in the picker: the tree opens down to it.
  const selected = code ?? orgCode;
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  // Opened down to each organization chosen, once: what the user closes afterwards stays closed.
  const [openedTo, setOpenedTo] = useState<string>();
  if (selected && organizations.data && openedTo !== selected) {
    setOpenedTo(selected);
    setExpanded([...new Set([...expanded, ...ancestorCodes(organizations.data, selected)])]);
  }
  const treeBox = useRef<HTMLDivElement>(null);
  // Once opened down to it, the chosen organization is scrolled into the tree's view (once: the user's own
  // opening of other nodes does not scroll back).
  const scrolledTo = useRef<string>(undefined);
  useEffect(() => {
    if (!selected || scrolledTo.current === selected || !organizations.data) return;
    if (!ancestorCodes(organizations.data, selected).every((key) => expanded.includes(key))) return;
    // The opened nodes' rows are drawn after their motion: look for the chosen one for a second.
    let tries = 0;
    const timer = setInterval(() => {
      const box = treeBox.current;
      const row = box?.querySelector('.ant-tree-treenode-selected');
      if ((!box || !row) && ++tries < 10) return;
      clearInterval(timer);
      if (!box || !row) return;
      scrolledTo.current = selected;
      box.scrollTop += row.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
    }, 100);
    return () => clearInterval(timer);
  }, [selected, expanded, organizations.data]);
  return (
    <>
      <PageTitle title={t('nav.organizations')} />
      <ErrorAlert error={organizations.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('org.tree')}>
            {items.length ? (
              // Not a virtual list: its rows are of one height, and long names here wrap to two lines, so it
              // scrolled to the wrong row. Only the opened branches' rows are drawn.
              <div ref={treeBox} style={{ maxHeight: 600, overflow: 'auto' }}>
                <Tree
                  aria-label={t('org.tree')}
                  treeData={items}
                  expandedKeys={[...expanded]}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  selectedKeys={selected ? [selected] : []}
                  onSelect={(keys) => keys[0] && navigate(`/organizations/${String(keys[0])}${search}`)}
                />
              </div>
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
