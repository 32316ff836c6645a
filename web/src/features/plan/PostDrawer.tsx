/**
 * Writing a post and moving it through approval. A new post, a draft or a returned one is written here (texts in
 * Kazakh and Russian, a template's facts, channels, day and hour in the organization's zone, topic) with the checks
 * shown as the author types; a manager approves a submitted post or returns it with a comment. Only the actions
 * the session allows are shown; the server still decides.
 */
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { PLATFORM_LABELS, TOPIC_LABELS } from '../../../../src/shared/labels.js';
import type { PostCheckInput } from '../../../../src/shared/post-check.schema.js';
import { type ContentField, fillTemplate, POST_TEMPLATES } from '../../../../src/shared/post-templates.js';
import { TOPICS, type Topic } from '../../../../src/shared/vocabulary.js';
import {
  type PlanPost,
  type PostDraft,
  usePostChannels,
  usePostCheck,
  useChangePost,
  useCreatePost,
  useMovePost,
} from '../../api/plan.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { OrgPicker } from '../../components/OrgPicker.js';
import { useLang } from '../../i18n/index.js';
import { useCan, useCurrentSession } from '../../lib/session.js';
import { PostChecks } from './PostChecks.js';
import { PostStateTag } from './PostCard.js';
import { instantIn, localParts } from './zone.js';

export interface PostTarget {
  /** The post opened; none for a new one. */
  post?: PlanPost;
  /** A new post's organization and day. */
  org: string;
  date: string;
}

interface Fields {
  org: string;
  channels: string[];
  textKk: string;
  textRu: string;
  date: string;
  time: string;
  topic: Topic | null;
}

const fieldsOf = (target: PostTarget, zoneOf: (org: string) => string): Fields => {
  const post = target.post;
  if (!post) {
    return {
      org: target.org,
      channels: [],
      textKk: '',
      textRu: '',
      date: target.date,
      time: '10:00',
      topic: null,
    };
  }
  const local = localParts(post.plannedAt, zoneOf(post.org));
  return {
    org: post.org,
    channels: post.channels.map((channel) => channel.channel),
    textKk: post.textKk ?? '',
    textRu: post.textRu ?? '',
    date: local.date,
    time: local.time,
    topic: post.topic,
  };
};

/** The value after it has stayed the same for a moment: the checks are not asked at every key. */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // The key stands for the value: a new object of the same content is not a change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ms]);
  return settled;
}

function TemplateFields({ onFill }: { onFill: (field: ContentField, text: string, topic: Topic) => void }) {
  const { lang, t } = useLang();
  const [id, setId] = useState<string | undefined>();
  const [field, setField] = useState<ContentField>(lang === 'ru' ? 'ru' : 'kk');
  const [values, setValues] = useState<Record<string, string>>({});
  const template = POST_TEMPLATES.find((candidate) => candidate.id === id);
  return (
    <div className="plan-template">
      <Space wrap>
        <Select
          aria-label={t('plan.template')}
          placeholder={t('plan.template')}
          style={{ minWidth: 220 }}
          allowClear
          value={id}
          onChange={(value?: string) => {
            setId(value);
            setValues({});
          }}
          options={POST_TEMPLATES.map((candidate) => ({ value: candidate.id, label: candidate.title[lang] }))}
        />
        {template && (
          <Radio.Group
            aria-label={t('plan.templateLanguage')}
            value={field}
            onChange={(event) => setField(event.target.value as ContentField)}
            optionType="button"
            options={[
              { value: 'kk', label: t('plan.inKazakh') },
              { value: 'ru', label: t('plan.inRussian') },
            ]}
          />
        )}
      </Space>
      {template && (
        <div style={{ marginTop: 8 }}>
          {template.fields.map((spec) => (
            <Form.Item
              key={spec.key}
              label={spec.label[lang]}
              style={{ marginBottom: 8 }}
              htmlFor={`template-${spec.key}`}
            >
              <Input
                id={`template-${spec.key}`}
                type={spec.kind === 'date' ? 'date' : spec.kind === 'number' ? 'number' : 'text'}
                min={spec.kind === 'number' ? 0 : undefined}
                placeholder={spec.kind === 'text' ? spec.hint[field] : undefined}
                value={values[spec.key] ?? ''}
                onChange={(event) => setValues({ ...values, [spec.key]: event.target.value })}
              />
            </Form.Item>
          ))}
          <Button onClick={() => onFill(field, fillTemplate(template, field, values), template.topic)}>
            {t('plan.fillText')}
          </Button>
        </div>
      )}
    </div>
  );
}

export function PostDrawer({
  target,
  zoneOf,
  onClose,
}: {
  target: PostTarget;
  zoneOf: (org: string) => string;
  onClose: () => void;
}) {
  const { lang, t } = useLang();
  const screens = Grid.useBreakpoint();
  const session = useCurrentSession();
  const canWrite = useCan('publications', 'write');
  const role = session.user.role;
  const [fields, setFields] = useState<Fields>(() => fieldsOf(target, zoneOf));
  const [comment, setComment] = useState('');
  const [image, setImage] = useState<{ name: string; base64: string } | null>(null);
  const create = useCreatePost();
  const change = useChangePost();
  const move = useMovePost();
  const post = target.post;
  const editable = canWrite && (!post || post.state === 'draft' || post.state === 'returned');
  const channels = usePostChannels(fields.org);
  const checkInput = useMemo<PostCheckInput | undefined>(
    () =>
      editable
        ? {
            org: fields.org,
            textKk: fields.textKk,
            textRu: fields.textRu,
            channels: fields.channels,
            imageCount: post?.hasImage || image ? 1 : 0,
          }
        : undefined,
    [fields, editable, post?.hasImage, image],
  );
  const check = usePostCheck(useSettled(checkInput));
  const set = (change: Partial<Fields>) => setFields({ ...fields, ...change });
  const draft = (): PostDraft => ({
    org: fields.org,
    channels: fields.channels,
    textKk: fields.textKk.trim() || null,
    textRu: fields.textRu.trim() || null,
    plannedAt: instantIn(fields.date, fields.time, zoneOf(fields.org)),
    topic: fields.topic,
  });
  const busy = create.isPending || change.isPending || move.isPending;
  const blocked = (check.data?.notes ?? []).some((note) => note.level === 'error');
  const save = async (submit: boolean) => {
    const { org: _org, channels: _channels, ...editableFields } = draft();
    const saved = post
      ? await change.mutateAsync({ id: post.id, change: editableFields })
      : await create.mutateAsync({ ...draft(), ...(image ? { image: image.base64 } : {}) });
    if (submit) await move.mutateAsync({ id: saved.id, step: 'submit' });
    onClose();
  };
  const step = async (name: 'approve' | 'return') => {
    if (!post) return;
    await move.mutateAsync({
      id: post.id,
      step: name,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
    onClose();
  };
  const mayApprove = role === 'manager' || role === 'admin';
  const approvable = post && (post.state === 'submitted' || (post.state === 'draft' && role === 'admin'));

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 620 : '100%'}
      title={post ? t('plan.post', { id: post.id }) : t('plan.newPost')}
      extra={post && <PostStateTag state={post.state} />}
    >
      <ErrorAlert error={create.error ?? change.error ?? move.error} />
      {post?.state === 'returned' && post.comment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('plan.returnedWith')}
          description={post.comment}
        />
      )}
      {post && post.state !== 'returned' && post.comment && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('plan.comment')}
          description={post.comment}
        />
      )}
      {post && post.channels.some((sending) => sending.error) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('plan.failed')}
          description={post.channels
            .filter((sending) => sending.error)
            .map((sending) => `${sending.channel}: ${sending.error?.message ?? ''}`)
            .join('\n')}
        />
      )}
      {/* A post the user may not change reads as text, not as greyed fields. */}
      <Form layout="vertical" disabled={busy}>
        {!post && (
          <Form.Item label={t('common.organization')}>
            <OrgPicker value={fields.org} onChange={(org) => set({ org, channels: [] })} />
          </Form.Item>
        )}
        <Form.Item label={t('plan.channels')} required>
          {post ? (
            <Space wrap>
              {post.channels.map((sending) => (
                <Tag key={sending.channel}>
                  {PLATFORM_LABELS[lang][sending.platform]}: {sending.channel}
                  {sending.url && (
                    <>
                      {' '}
                      <a href={sending.url} target="_blank" rel="noreferrer">
                        ↗
                      </a>
                    </>
                  )}
                </Tag>
              ))}
            </Space>
          ) : (
            <Checkbox.Group
              aria-label={t('plan.channels')}
              value={fields.channels}
              onChange={(value) => set({ channels: value })}
              options={(channels.data ?? []).map((channel) => ({
                value: channel.code,
                label: `${PLATFORM_LABELS[lang][channel.platform]}: ${channel.name}`,
              }))}
            />
          )}
        </Form.Item>
        {!post && (
          <Form.Item label={t('plan.image')}>
            <Upload
              accept="image/jpeg,image/png"
              maxCount={1}
              fileList={image ? [{ uid: 'image', name: image.name, status: 'done' }] : []}
              beforeUpload={(file) => {
                const reader = new FileReader();
                reader.onload = () =>
                  setImage({ name: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
                reader.readAsDataURL(file);
                // Sent with the post, not on its own.
                return false;
              }}
              onRemove={() => setImage(null)}
            >
              <Button>{t('plan.addImage')}</Button>
            </Upload>
          </Form.Item>
        )}
        {post?.hasImage && <Tag>{t('plan.hasImage')}</Tag>}
        {editable ? (
          <>
            <Space wrap>
              <Form.Item label={t('common.date')} htmlFor="post-date">
                <Input
                  id="post-date"
                  type="date"
                  value={fields.date}
                  onChange={(e) => set({ date: e.target.value })}
                />
              </Form.Item>
              <Form.Item label={t('plan.time')} htmlFor="post-time">
                <Input
                  id="post-time"
                  type="time"
                  value={fields.time}
                  onChange={(e) => set({ time: e.target.value })}
                />
              </Form.Item>
              <Form.Item label={t('pub.topic')}>
                <Select
                  aria-label={t('pub.topic')}
                  style={{ minWidth: 200 }}
                  allowClear
                  value={fields.topic ?? undefined}
                  onChange={(topic?: Topic) => set({ topic: topic ?? null })}
                  options={TOPICS.map((topic) => ({ value: topic, label: TOPIC_LABELS[lang][topic] }))}
                />
              </Form.Item>
            </Space>
            {editable && (
              <Form.Item label={t('plan.template')}>
                <TemplateFields
                  onFill={(field, text, topic) =>
                    set(
                      field === 'kk'
                        ? { textKk: text, topic: fields.topic ?? topic }
                        : { textRu: text, topic: fields.topic ?? topic },
                    )
                  }
                />
              </Form.Item>
            )}
            <Form.Item label={t('plan.textKk')} htmlFor="post-text-kk">
              <Input.TextArea
                id="post-text-kk"
                autoSize={{ minRows: 3, maxRows: 12 }}
                value={fields.textKk}
                onChange={(e) => set({ textKk: e.target.value })}
              />
            </Form.Item>
            <Form.Item label={t('plan.textRu')} htmlFor="post-text-ru">
              <Input.TextArea
                id="post-text-ru"
                autoSize={{ minRows: 3, maxRows: 12 }}
                value={fields.textRu}
                onChange={(e) => set({ textRu: e.target.value })}
              />
            </Form.Item>
          </>
        ) : (
          <>
            <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('common.date')}>
                {fields.date.split('-').reverse().join('.')} {fields.time}
              </Descriptions.Item>
              <Descriptions.Item label={t('pub.topic')}>
                {fields.topic ? TOPIC_LABELS[lang][fields.topic] : '—'}
              </Descriptions.Item>
            </Descriptions>
            {(['textKk', 'textRu'] as const)
              .filter((key) => fields[key].trim())
              .map((key) => (
                <section key={key} aria-label={t(`plan.${key}`)} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>{t(`plan.${key}`)}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
                    {fields[key]}
                  </Typography.Paragraph>
                </section>
              ))}
          </>
        )}
      </Form>
      {editable && Boolean(fields.textKk.trim() || fields.textRu.trim()) && (
        <PostChecks answer={check.data} loading={check.isFetching} error={check.error} />
      )}
      <Divider />
      <Space wrap>
        {editable && (
          <>
            <Button
              loading={busy}
              disabled={fields.channels.length === 0 || !(fields.textKk.trim() || fields.textRu.trim())}
              onClick={() => void save(false).catch(() => undefined)}
            >
              {t('plan.saveDraft')}
            </Button>
            <Button
              type="primary"
              loading={busy}
              disabled={
                fields.channels.length === 0 || !(fields.textKk.trim() || fields.textRu.trim()) || blocked
              }
              onClick={() => void save(true).catch(() => undefined)}
            >
              {t('plan.submit')}
            </Button>
          </>
        )}
        {post && mayApprove && approvable && (
          <>
            <Input.TextArea
              aria-label={t('plan.comment')}
              placeholder={t('plan.commentHint')}
              autoSize={{ minRows: 1, maxRows: 4 }}
              style={{ minWidth: 240 }}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
            <Button type="primary" loading={busy} onClick={() => void step('approve').catch(() => undefined)}>
              {t('plan.approve')}
            </Button>
            {post.state === 'submitted' && (
              <Button
                danger
                loading={busy}
                disabled={!comment.trim()}
                onClick={() => void step('return').catch(() => undefined)}
              >
                {t('plan.return')}
              </Button>
            )}
          </>
        )}
      </Space>
      {blocked && editable && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8 }}>
          {t('plan.fixErrors')}
        </Typography.Paragraph>
      )}
    </Drawer>
  );
}
