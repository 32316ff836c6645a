/** Methodological materials issued in the chosen subtree and period. */
import { MATERIAL_KIND_LABELS } from '../../../src/shared/labels.js';
import { MATERIAL_KINDS } from '../../../src/shared/vocabulary.js';
import { PageTitle } from '../components/PageTitle.js';
import { RecordForm } from '../components/RecordForm.js';
import { RecordTable } from '../components/RecordTable.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useOrgNames } from '../lib/org-names.js';
import { useOrgPeriod } from '../lib/org-period.js';
import { useCan } from '../lib/session.js';
import { useTitles } from '../lib/titles.js';

export default function MaterialsPage() {
  const { lang, t } = useLang();
  const f = useFormat();
  const names = useOrgNames();
  const { orgCode, period } = useOrgPeriod();
  const canWrite = useCan('materials');
  const titles = useTitles();
  return (
    <>
      <PageTitle title={t('nav.materials')}>
        {canWrite && orgCode && (
          <RecordForm
            kind="materials"
            title={t('common.add')}
            fixed={{ org: orgCode }}
            fields={[
              ...titles.fields,
              {
                name: 'kind',
                label: t('common.kind'),
                type: 'select',
                required: true,
                options: MATERIAL_KINDS.map((kind) => ({
                  value: kind,
                  label: MATERIAL_KIND_LABELS[lang][kind],
                })),
              },
              { name: 'issuedOn', label: t('material.issued'), type: 'date', required: true },
              { name: 'copies', label: t('material.copies'), type: 'number' },
              { name: 'url', label: t('common.link'), type: 'url' },
            ]}
          />
        )}
      </PageTitle>
      {orgCode && (
        <RecordTable
          kind="materials"
          label={t('nav.materials')}
          query={{ org: orgCode, period }}
          columns={[
            {
              key: 'title',
              title: t('common.title'),
              render: (_, row) =>
                row.url ? (
                  <a href={row.url} target="_blank" rel="noreferrer">
                    {titles.of(row)}
                  </a>
                ) : (
                  titles.of(row)
                ),
            },
            {
              key: 'kind',
              title: t('common.kind'),
              render: (_, row) => MATERIAL_KIND_LABELS[lang][row.kind],
            },
            { key: 'org', title: t('common.organization'), render: (_, row) => names.ofCode(row.orgCode) },
            {
              key: 'issuedOn',
              className: 'nowrap',
              title: t('material.issued'),
              render: (_, row) => f.date(row.issuedOn),
            },
            {
              key: 'copies',
              title: t('material.copies'),
              align: 'right',
              render: (_, row) => f.number(row.copies),
            },
          ]}
        />
      )}
    </>
  );
}
