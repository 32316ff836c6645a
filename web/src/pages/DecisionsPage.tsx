/** Resolutions of the governing bodies and their tasks; overdue tasks stand out. */
import { type TableColumnsType, Tabs, Tag } from 'antd';
import { ListTable } from '../components/ListTable.js';
import { textFor } from '../../../src/shared/bilingual.js';
import { BODY_LABELS, TASK_STATUS_LABELS } from '../../../src/shared/labels.js';
import { GOVERNING_BODIES } from '../../../src/shared/vocabulary.js';
import { useRecords } from '../api/registry.js';
import type { TaskRow } from '../api/types.js';
import { PageTitle } from '../components/PageTitle.js';
import { RecordForm } from '../components/RecordForm.js';
import { RecordTable } from '../components/RecordTable.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useOrgNames } from '../lib/org-names.js';
import { useOrgPeriod } from '../lib/org-period.js';
import { useCan } from '../lib/session.js';
import { useTitles } from '../lib/titles.js';

const today = () => new Date().toISOString().slice(0, 10);

export function isOverdue(task: TaskRow, on = today()): boolean {
  return task.status === 'open' && task.dueOn !== null && task.dueOn < on;
}

function useTaskColumns(): TableColumnsType<TaskRow> {
  const { lang, t } = useLang();
  const f = useFormat();
  const names = useOrgNames();
  return [
    {
      key: 'text',
      title: t('decision.task'),
      render: (_, task) => textFor({ ru: task.textRu, kk: task.textKk }, lang),
    },
    {
      key: 'responsible',
      title: t('decision.responsible'),
      render: (_, task) => names.ofId(task.responsibleOrgId),
    },
    { key: 'due', className: 'nowrap', title: t('decision.due'), render: (_, task) => f.date(task.dueOn) },
    {
      key: 'status',
      title: t('decision.status'),
      render: (_, task) =>
        isOverdue(task) ? (
          <Tag color="red">{TASK_STATUS_LABELS[lang].overdue}</Tag>
        ) : (
          <Tag color={task.status === 'done' ? 'green' : 'default'}>
            {TASK_STATUS_LABELS[lang][task.status]}
          </Tag>
        ),
    },
    { key: 'evidence', title: t('decision.evidence'), dataIndex: 'evidence' },
  ];
}

const overdueClass = (task: TaskRow) => (isOverdue(task) ? 'task-overdue' : '');

/** A decision's tasks; a decision has a handful, one page holds them. */
function Tasks({ decisionId }: { decisionId: number }) {
  const { t } = useLang();
  const tasks = useRecords('tasks', { parentId: decisionId, pageSize: 100 });
  const columns = useTaskColumns();
  return (
    <ListTable<TaskRow>
      aria-label={t('decision.tasks')}
      exportOf={{ list: 'tasks', query: { parentId: decisionId } }}
      size="small"
      rowKey="id"
      loading={tasks.isFetching}
      dataSource={tasks.data?.items ?? []}
      pagination={false}
      rowClassName={overdueClass}
      columns={columns}
    />
  );
}

export default function DecisionsPage() {
  const { lang, t } = useLang();
  const f = useFormat();
  const names = useOrgNames();
  const { orgCode, period } = useOrgPeriod();
  const canWrite = useCan('decisions');
  const titles = useTitles();
  const taskColumns = useTaskColumns();
  if (!orgCode) return null;
  return (
    <>
      <PageTitle title={t('nav.decisions')}>
        {canWrite && (
          <RecordForm
            kind="decisions"
            title={t('common.add')}
            fixed={{ org: orgCode }}
            fields={[
              ...titles.fields,
              {
                name: 'body',
                label: t('decision.body'),
                type: 'select',
                required: true,
                options: GOVERNING_BODIES.map((body) => ({ value: body, label: BODY_LABELS[lang][body] })),
              },
              { name: 'number', label: t('decision.number'), type: 'text' },
              { name: 'adoptedOn', label: t('decision.adopted'), type: 'date', required: true },
            ]}
          />
        )}
      </PageTitle>
      <Tabs
        items={[
          {
            key: 'decisions',
            label: t('nav.decisions'),
            children: (
              <RecordTable
                kind="decisions"
                label={t('nav.decisions')}
                query={{ org: orgCode, period }}
                expandable={(row) => <Tasks decisionId={row.id} />}
                columns={[
                  { key: 'title', title: t('common.title'), render: (_, row) => titles.of(row) },
                  { key: 'body', title: t('decision.body'), render: (_, row) => BODY_LABELS[lang][row.body] },
                  { key: 'number', title: t('decision.number'), dataIndex: 'number' },
                  {
                    key: 'org',
                    title: t('common.organization'),
                    render: (_, row) => names.ofCode(row.orgCode),
                  },
                  {
                    key: 'adopted',
                    className: 'nowrap',
                    title: t('decision.adopted'),
                    render: (_, row) => f.date(row.adoptedOn),
                  },
                ]}
              />
            ),
          },
          {
            key: 'tasks',
            label: t('decision.tasks'),
            children: (
              <RecordTable
                kind="tasks"
                label={t('decision.tasks')}
                query={{ org: orgCode, period }}
                rowClassName={overdueClass}
                columns={taskColumns}
              />
            ),
          },
        ]}
      />
    </>
  );
}
