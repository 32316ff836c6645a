/**
 * Bringing in exports: drop a file (Telegram, Facebook, Instagram, a feed, a filled template), watch it upload
 * and import, read the counts and the rejections; the history of imports with undo; the blank templates.
 */
import {
  Alert,
  Button,
  Card,
  Col,
  Modal,
  Popconfirm,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { ListTable } from '../components/ListTable.js';
import { useState } from 'react';
import { Link } from 'react-router';
import { IMPORT_STATUS_TEXTS } from '../../../src/shared/import-report.js';
import { importFormatLabel, PLATFORM_LABELS } from '../../../src/shared/labels.js';
import { CHAT_TYPE_REFUSALS } from '../../../src/shared/messages.js';
import { SHEET_KINDS, type ImportStatus } from '../../../src/shared/vocabulary.js';
import {
  type ImportBatch,
  templateUrl,
  type UploadRequest,
  useImport,
  useImports,
  useUndoImport,
  useUpload,
} from '../api/imports.js';
import { useRecords } from '../api/registry.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PageTitle } from '../components/PageTitle.js';
import { RecordForm } from '../components/RecordForm.js';
import { channelCode, useChannelFields } from '../features/channels/channel-form.js';
import { RejectionTable } from '../components/RejectionTable.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useOrgNames } from '../lib/org-names.js';
import { useOrgPeriod } from '../lib/org-period.js';
import { useCan } from '../lib/session.js';

const STATUS_COLORS: Readonly<Record<ImportStatus, string>> = {
  running: 'processing',
  done: 'success',
  failed: 'error',
  interrupted: 'warning',
  undone: 'default',
};

/** Codes of a Telegram export refused for being no channel's: the user may confirm and send it again. */
const CHAT_REFUSALS: ReadonlySet<string> = new Set(Object.values(CHAT_TYPE_REFUSALS));

/** Batches that may be undone: finished, or stopped before the end (what they stored stays until undone). */
const UNDOABLE: ReadonlySet<ImportStatus> = new Set(['done', 'failed', 'interrupted']);

/** The publications list of what the import created, whatever their dates (up to the end of next year). */
function newPublications(batch: ImportBatch, org: string | undefined): string {
  const query = new URLSearchParams({
    ...(org ? { org } : {}),
    period: `..${new Date().getFullYear() + 1}-12-31`,
    batch: String(batch.id),
  });
  return `/publications?${query.toString()}`;
}

function Summary({ batch }: { batch: ImportBatch }) {
  const { lang, t } = useLang();
  const f = useFormat();
  const { orgCode } = useOrgPeriod();
  const figures = [
    ['import.new', batch.new],
    ['import.updated', batch.updated],
    ['import.unchanged', batch.unchanged],
    ['import.rejected', batch.rejected],
    ['import.skipped', batch.skipped],
  ] as const;
  return (
    <Card
      size="small"
      title={`${t('import.summary')}: ${batch.file ?? ''}`}
      role="region"
      aria-label={t('import.summary')}
    >
      <Space wrap size={24}>
        <Tag color={STATUS_COLORS[batch.status]}>{IMPORT_STATUS_TEXTS[lang][batch.status]}</Tag>
        {figures.map(([label, value]) => (
          <Statistic key={label} title={t(label)} value={f.number(value)} />
        ))}
      </Space>
      {batch.status === 'running' && batch.progress !== undefined && (
        <Typography.Paragraph type="secondary">{f.number(batch.progress)}</Typography.Paragraph>
      )}
      {batch.notes.map((note) => (
        <Alert key={note.code} type="info" showIcon title={note.message} style={{ marginTop: 12 }} />
      ))}
      {batch.error && <Alert type="error" showIcon title={batch.error.message} style={{ marginTop: 12 }} />}
      {batch.new > 0 && (batch.format !== 'spreadsheet' || batch.channel !== null) && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          <Link to={newPublications(batch, orgCode)}>
            {t('import.openNew', { count: f.number(batch.new) })}
          </Link>
        </Typography.Paragraph>
      )}
      {batch.rejections.length > 0 && <RejectionTable batch={batch} />}
    </Card>
  );
}

function Uploader() {
  const { lang, t } = useLang();
  const { orgCode } = useOrgPeriod();
  const [progress, setProgress] = useState<number | undefined>();
  const [channel, setChannel] = useState<string | undefined>();
  const [batchId, setBatchId] = useState<number | undefined>();
  /** The last file sent, to send again once the user confirms its chat type. */
  const [sent, setSent] = useState<UploadRequest | undefined>();
  /** The refused batch whose dialog the user closed. */
  const [dismissed, setDismissed] = useState<number | undefined>();
  const send = useUpload(setProgress);
  const batch = useImport(batchId);
  const submit = (request: UploadRequest) => {
    setProgress(0);
    setBatchId(undefined);
    setSent(request);
    send.mutate(request, {
      onSuccess: (answer) => setBatchId(answer.id),
      onSettled: () => setProgress(undefined),
    });
  };
  const refused =
    batch.data?.status === 'failed' &&
    CHAT_REFUSALS.has(batch.data.error?.code ?? '') &&
    dismissed !== batch.data.id &&
    sent !== undefined;
  const channels = useRecords('channels', { org: orgCode, pageSize: 500 }, orgCode !== undefined);
  const canAddChannel = useCan('channels');
  const channelFields = useChannelFields();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      {/* Not a <label>: it would name the new-channel button by its whole text; the select has its own name. */}
      <div>
        <div>
          {t('import.channel')}{' '}
          <Typography.Text type="secondary">({t('import.channelHint')})</Typography.Text>
          {orgCode && canAddChannel && (
            <RecordForm
              kind="channels"
              title={t('import.newChannel')}
              button="link"
              fixed={{ org: orgCode }}
              fields={channelFields}
              derive={channelCode(orgCode)}
              onCreated={(record) => setChannel(String(record['code']))}
            />
          )}
        </div>
        <Select
          aria-label={t('import.channel')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={channel}
          onChange={(value?: string) => setChannel(value)}
          options={(channels.data?.items ?? []).map((row) => ({
            value: row.code,
            label: `${row.name} (${PLATFORM_LABELS[lang][row.platform]})`,
          }))}
          style={{ width: '100%', maxWidth: 520 }}
        />
      </div>
      <Upload.Dragger
        name="file"
        multiple={false}
        showUploadList={false}
        disabled={send.isPending}
        customRequest={({ file }) => submit({ file: file as File, channel })}
      >
        <Typography.Paragraph strong>{t('import.drop')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('import.dropHint')}</Typography.Paragraph>
      </Upload.Dragger>
      {progress !== undefined && (
        <Progress percent={Math.round(progress * 100)} aria-label={t('import.uploading')} />
      )}
      <ErrorAlert error={send.error ?? batch.error} />
      {batch.data && <Summary batch={batch.data} />}
      <Modal
        open={refused}
        title={t('import.chatTypeTitle')}
        okText={t('import.importAnyway')}
        cancelText={t('common.cancel')}
        onOk={() => sent && submit({ ...sent, acceptChatType: true })}
        onCancel={() => setDismissed(batchId)}
      >
        <Typography.Paragraph>{batch.data?.error?.message}</Typography.Paragraph>
      </Modal>
    </Space>
  );
}

function History() {
  const { lang, t } = useLang();
  const f = useFormat();
  const names = useOrgNames();
  const { orgCode } = useOrgPeriod();
  const imports = useImports();
  const undo = useUndoImport();
  const canWrite = useCan('imports');
  return (
    <Card size="small" title={t('import.history')}>
      <ErrorAlert error={imports.error ?? undo.error} />
      <ListTable<ImportBatch>
        aria-label={t('import.history')}
        size="small"
        rowKey="id"
        dataSource={imports.data ?? []}
        loading={imports.isFetching && !imports.data}
        scroll={{ x: true }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        expandable={{
          rowExpandable: (batch) => batch.rejections.length > 0,
          expandedRowRender: (batch) => <RejectionTable batch={batch} />,
        }}
        columns={[
          { key: 'file', title: t('import.file'), render: (_, batch) => batch.file ?? '—' },
          {
            key: 'format',
            title: t('import.source'),
            render: (_, batch) => importFormatLabel(batch.format, lang),
          },
          {
            key: 'started',
            className: 'nowrap',
            title: t('common.date'),
            render: (_, batch) => f.instant(batch.startedAt, names.zoneOf(orgCode)),
          },
          {
            key: 'status',
            title: t('import.status'),
            render: (_, batch) => (
              <Tag color={STATUS_COLORS[batch.status]}>{IMPORT_STATUS_TEXTS[lang][batch.status]}</Tag>
            ),
          },
          { key: 'new', title: t('import.new'), align: 'right', render: (_, batch) => f.number(batch.new) },
          {
            key: 'updated',
            title: t('import.updated'),
            align: 'right',
            render: (_, batch) => f.number(batch.updated),
          },
          {
            key: 'rejected',
            title: t('import.rejected'),
            align: 'right',
            render: (_, batch) => f.number(batch.rejected),
          },
          ...(canWrite
            ? [
                {
                  key: 'undo',
                  title: t('common.actions'),
                  render: (_: unknown, batch: ImportBatch) =>
                    UNDOABLE.has(batch.status) && (
                      <Popconfirm title={t('import.undoConfirm')} onConfirm={() => undo.mutate(batch.id)}>
                        <Button size="small">{t('import.undo')}</Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export default function ImportsPage() {
  const { lang, t } = useLang();
  const canWrite = useCan('imports');
  return (
    <>
      <PageTitle title={t('nav.imports')} />
      <Row gutter={[16, 16]}>
        {canWrite && (
          <Col xs={24} xl={16}>
            <Uploader />
          </Col>
        )}
        <Col xs={24} xl={8}>
          <Card size="small" title={t('import.templates')}>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {SHEET_KINDS.map((kind) => (
                <li key={kind} style={{ padding: '4px 0' }}>
                  <a href={templateUrl(kind, lang)} download>
                    {t(`sheetKind.${kind}`)}
                  </a>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24}>
          <History />
        </Col>
      </Row>
    </>
  );
}
