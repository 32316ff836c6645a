/** Seminars, trainings and campaigns held in the chosen subtree and period. */
import { TOPIC_LABELS } from '../../../src/shared/labels.js';
import { EVENT_KINDS, TOPICS } from '../../../src/shared/vocabulary.js';
import { PageTitle } from '../components/PageTitle.js';
import { RecordForm } from '../components/RecordForm.js';
import { RecordTable } from '../components/RecordTable.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useOrgNames } from '../lib/org-names.js';
import { useOrgPeriod } from '../lib/org-period.js';
import { useCan } from '../lib/session.js';
import { useTitles } from '../lib/titles.js';

export default function EventsPage() {
  const { lang, t } = useLang();
  const f = useFormat();
  const names = useOrgNames();
  const { orgCode, period } = useOrgPeriod();
  const canWrite = useCan('events');
  const titles = useTitles();
  return (
    <>
      <PageTitle title={t('nav.events')}>
        {canWrite && orgCode && (
          <RecordForm
            kind="events"
            title={t('common.add')}
            fixed={{ org: orgCode }}
            fields={[
              ...titles.fields,
              {
                name: 'kind',
                label: t('common.kind'),
                type: 'select',
                required: true,
                options: EVENT_KINDS.map((kind) => ({ value: kind, label: t(`eventKind.${kind}`) })),
              },
              {
                name: 'topic',
                label: t('pub.topic'),
                type: 'select',
                required: true,
                options: TOPICS.map((topic) => ({ value: topic, label: TOPIC_LABELS[lang][topic] })),
              },
              { name: 'heldOn', label: t('event.held'), type: 'date', required: true },
              { name: 'participants', label: t('event.participants'), type: 'number' },
            ]}
          />
        )}
      </PageTitle>
      {orgCode && (
        <RecordTable
          kind="events"
          label={t('nav.events')}
          query={{ org: orgCode, period }}
          columns={[
            { key: 'title', title: t('common.title'), render: (_, row) => titles.of(row) },
            { key: 'kind', title: t('common.kind'), render: (_, row) => t(`eventKind.${row.kind}`) },
            { key: 'topic', title: t('pub.topic'), render: (_, row) => TOPIC_LABELS[lang][row.topic] },
            { key: 'org', title: t('common.organization'), render: (_, row) => names.ofCode(row.orgCode) },
            {
              key: 'heldOn',
              className: 'nowrap',
              title: t('event.held'),
              render: (_, row) => f.date(row.heldOn),
            },
            {
              key: 'participants',
              title: t('event.participants'),
              align: 'right',
              render: (_, row) => f.number(row.participants),
            },
          ]}
        />
      )}
    </>
  );
}
