/** The checks of the draft as the author writes: the notes (limits, missing versions) and each text's analysis. */
import { Alert, Collapse, Descriptions, Space, Spin, Typography } from 'antd';
import { TOPIC_LABELS } from '../../../../src/shared/labels.js';
import type { PostCheckAnswer } from '../../../../src/shared/post-check.schema.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';

export function PostChecks({
  answer,
  loading,
  error,
}: {
  answer: PostCheckAnswer | undefined;
  loading: boolean;
  error: unknown;
}) {
  const { lang, t } = useLang();
  const f = useFormat();
  if (!answer) return loading ? <Spin size="small" /> : <ErrorAlert error={error} />;
  return (
    <section aria-label={t('plan.checks')} data-testid="post-checks">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text strong>
          {t('plan.checks')} {loading && <Spin size="small" />}
        </Typography.Text>
        {answer.notes.map((note) => (
          <Alert
            key={`${note.code}-${note.channel ?? ''}`}
            type={note.level}
            showIcon
            title={note.channel ? `${note.channel}: ${note.message}` : note.message}
          />
        ))}
        {answer.texts.map((text) => (
          <div key={text.field} className="plan-check-text">
            <Alert
              type={text.declarative ? 'warning' : 'success'}
              showIcon
              title={`${t(text.field === 'kk' ? 'plan.textKk' : 'plan.textRu')}: ${text.verdict}`}
            />
            <Descriptions size="small" column={1} style={{ marginTop: 6 }}>
              <Descriptions.Item label={t('common.language')}>
                {t(`contentLang.${text.language}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('pub.topic')}>{TOPIC_LABELS[lang][text.topic]}</Descriptions.Item>
              <Descriptions.Item label={t('plan.concreteness')}>
                {f.percent(text.concreteness)}
              </Descriptions.Item>
              <Descriptions.Item label={t('plan.length')}>{f.number(text.length)}</Descriptions.Item>
            </Descriptions>
            {text.groups.length > 0 && (
              <Collapse
                size="small"
                items={[
                  {
                    key: 'reasons',
                    label: t('plan.reasons'),
                    children: text.groups.map((group) => (
                      <div key={group.title} style={{ marginBottom: 6 }}>
                        <Typography.Text strong>{group.title}</Typography.Text>
                        {group.summary && (
                          <Typography.Text type="secondary"> — {group.summary}</Typography.Text>
                        )}
                        <div>{group.phrases.join('; ')}</div>
                      </div>
                    )),
                  },
                ]}
              />
            )}
          </div>
        ))}
      </Space>
    </section>
  );
}
