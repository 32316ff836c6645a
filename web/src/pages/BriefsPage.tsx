/**
 * The analytical brief of the chosen organization and period: choose its language and formats, preview the HTML
 * (in a sandboxed frame: nothing in it can run), download the Word and Excel files; and have it e-mailed on a
 * schedule.
 */
import { Button, Card, Checkbox, Col, Form, Radio, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { REPORT_LANGS, type ReportLang } from '../../../src/shared/vocabulary.js';
import { BRIEF_FORMATS, type BriefFormat, previewUrl, usePlanBrief } from '../api/briefs.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { BriefSchedules } from '../features/briefs/BriefSchedules.js';
import { PageTitle } from '../components/PageTitle.js';
import { useLang } from '../i18n/index.js';
import { useOrgNames } from '../lib/org-names.js';
import { useOrgPeriod } from '../lib/org-period.js';

export default function BriefsPage() {
  const { lang, t } = useLang();
  const names = useOrgNames();
  const { orgCode, period } = useOrgPeriod();
  const [briefLang, setBriefLang] = useState<ReportLang>(lang === 'kk' ? 'kk' : 'ru');
  const [formats, setFormats] = useState<BriefFormat[]>(['docx', 'xlsx']);
  const plan = usePlanBrief();
  const files = plan.data?.files ?? [];
  const html = files.find((file) => file.format === 'html');
  const previewSrc = html ? previewUrl(html.url) : undefined;
  // The frame's page is written when the frame asks for it: a brief takes a moment, shown as loading until then.
  const [loadedSrc, setLoadedSrc] = useState<string>();
  const previewLoading = plan.isPending || (previewSrc !== undefined && loadedSrc !== previewSrc);
  return (
    <>
      <PageTitle title={t('nav.briefs')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small">
            <Typography.Paragraph>
              {names.ofCode(orgCode)}, {period}
            </Typography.Paragraph>
            <Form layout="vertical">
              <Form.Item label={t('brief.language')}>
                <Radio.Group
                  value={briefLang}
                  onChange={(event) => setBriefLang(event.target.value as ReportLang)}
                  options={REPORT_LANGS.map((value) => ({ value, label: t(`reportLang.${value}`) }))}
                />
              </Form.Item>
              <Form.Item label={t('brief.formats')}>
                <Checkbox.Group
                  value={formats}
                  onChange={(values) => setFormats(values as BriefFormat[])}
                  options={BRIEF_FORMATS.map((value) => ({ value, label: value.toUpperCase() }))}
                />
              </Form.Item>
              <Button
                type="primary"
                disabled={!orgCode}
                loading={plan.isPending}
                onClick={() =>
                  orgCode &&
                  plan.mutate({
                    org: orgCode,
                    period,
                    lang: briefLang,
                    formats: [...new Set<BriefFormat>([...formats, 'html'])],
                  })
                }
              >
                {t('brief.generate')}
              </Button>
            </Form>
            <ErrorAlert error={plan.error} />
            {plan.data && (
              <Space orientation="vertical" style={{ marginTop: 16 }}>
                <Typography.Text strong>{t('brief.ready')}</Typography.Text>
                {files
                  .filter((file) => formats.includes(file.format))
                  .map((file) => (
                    <a key={file.format} href={file.url} download={file.fileName}>
                      {t('brief.download', { format: file.format.toUpperCase() })} — {file.fileName}
                    </a>
                  ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          {(previewSrc || plan.isPending) && (
            <Card size="small" title={t('brief.preview')}>
              <Spin spinning={previewLoading} description={t('export.previewLoading')}>
                <div aria-busy={previewLoading} data-brief-preview={previewLoading ? 'loading' : 'ready'}>
                  {previewSrc ? (
                    <iframe
                      key={previewSrc}
                      title={t('brief.previewTitle')}
                      src={previewSrc}
                      sandbox=""
                      onLoad={() => setLoadedSrc(previewSrc)}
                      style={{
                        width: '100%',
                        height: '75vh',
                        border: '1px solid #f0f0f0',
                        background: '#fff',
                      }}
                    />
                  ) : (
                    <div style={{ height: 240 }} />
                  )}
                </div>
              </Spin>
            </Card>
          )}
        </Col>
        {/* Its form starts on the page's organization: built again when that changes. */}
        {orgCode && (
          <Col span={24}>
            <BriefSchedules key={orgCode} orgCode={orgCode} />
          </Col>
        )}
      </Row>
    </>
  );
}
