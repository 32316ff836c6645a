/**
 * One publication in full: its text (always as text), topics with scores, concreteness and the analysis'
 * reasons in words; correcting topic, flags, language and subject organization inline, with undo.
 */
import {
  Alert,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Grid,
  Select,
  Space,
  Spin,
  Switch,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type {
  PublicationDetail as Detail,
  PublicationPatch,
  PublicationPatchResult,
} from '../../../../src/shared/dashboard.js';
import { PLATFORM_LABELS, TOPIC_LABELS } from '../../../../src/shared/labels.js';
import { orgName } from '../../../../src/shared/org-name.js';
import { reasonGroups } from '../../../../src/shared/reason-phrases.js';
import { CONTENT_LANGS, type ContentLang, TOPICS, type Topic } from '../../../../src/shared/vocabulary.js';
import { useOrganizations } from '../../api/organizations.js';
import { useCorrectPublication, usePublication } from '../../api/publications.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';
import { useOrgNames } from '../../lib/org-names.js';
import { orgOptions, orgTree } from '../../lib/org-tree.js';
import { useCan } from '../../lib/session.js';
import { PublicationLinks } from './PublicationLinks.js';

/** The reasons in words of the UI's language; the post's own words stay quotes. */
function Reasons({ detail }: { detail: Detail }) {
  const { lang, t } = useLang();
  const reasons = detail.reasons;
  if (!reasons) return null;
  const groups = reasonGroups(reasons, lang);
  if (groups.length === 0) return null;
  return (
    <>
      <Divider titlePlacement="start">{t('pub.reasons')}</Divider>
      {groups.map((group) => (
        <div key={group.title} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{group.title}</Typography.Text>
          {group.summary && <Typography.Text>: {group.summary}</Typography.Text>}
          <div>
            {group.phrases.map((phrase, index) => (
              <Tag key={index} style={{ whiteSpace: 'normal', marginTop: 4 }}>
                {phrase}
              </Tag>
            ))}
          </div>
        </div>
      ))}
    </>
  );
}

function Correction({ detail }: { detail: Detail }) {
  const { lang, t } = useLang();
  const correct = useCorrectPublication();
  const { data: orgs } = useOrganizations();
  const [last, setLast] = useState<PublicationPatchResult | undefined>();
  const subjects = useMemo(() => orgOptions(orgTree(orgs ?? []), lang), [orgs, lang]);
  const labels = detail.labels;
  const send = (patch: PublicationPatch, remember = true) =>
    correct.mutate(
      { id: detail.id, patch },
      { onSuccess: (result) => setLast(remember ? result : undefined) },
    );
  return (
    <>
      <Divider titlePlacement="start">{t('pub.corrections')}</Divider>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <label>
          <div>{t('pub.topic')}</div>
          <Select<Topic>
            aria-label={t('pub.topic')}
            value={labels.primaryTopic ?? undefined}
            onChange={(topic) => send({ primaryTopic: topic })}
            options={TOPICS.map((topic) => ({ value: topic, label: TOPIC_LABELS[lang][topic] }))}
            style={{ width: '100%' }}
          />
        </label>
        <label>
          <div>{t('pub.subject')}</div>
          <TreeSelect
            aria-label={t('pub.subject')}
            value={detail.subject.code}
            treeData={subjects}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            onChange={(code: string) => send({ subject: code })}
            style={{ width: '100%' }}
          />
        </label>
        <label>
          <div>{t('pub.language')}</div>
          <Select<ContentLang>
            aria-label={t('pub.language')}
            value={labels.language ?? undefined}
            onChange={(language) => send({ language })}
            options={CONTENT_LANGS.map((language) => ({
              value: language,
              label: t(`contentLang.${language}`),
            }))}
            style={{ width: '100%' }}
          />
        </label>
        <Space wrap>
          <Switch
            aria-label={t('pub.declarative')}
            checked={labels.declarative === true}
            onChange={(declarative) => send({ declarative })}
          />
          <span>{t('pub.declarative')}</span>
          <Switch
            aria-label={t('pub.repost')}
            checked={labels.isRepost}
            onChange={(isRepost) => send({ isRepost })}
          />
          <span>{t('pub.repost')}</span>
        </Space>
        <ErrorAlert error={correct.error} />
        {last && (
          <Alert
            type="success"
            showIcon
            title={t('pub.undoHint')}
            action={
              <Button size="small" onClick={() => send(last.before, false)} loading={correct.isPending}>
                {t('common.undo')}
              </Button>
            }
          />
        )}
      </Space>
    </>
  );
}

export function PublicationDetail({ id, onClose }: { id: number | undefined; onClose(): void }) {
  const { lang, t } = useLang();
  const f = useFormat();
  const names = useOrgNames();
  const publication = usePublication(id);
  const canWrite = useCan('publications');
  // The full width on a phone: the drawer's text must not run off the screen.
  const screens = Grid.useBreakpoint();
  const detail = publication.data;
  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      title={detail?.title || t('nav.publications')}
    >
      <ErrorAlert error={publication.error} />
      {!detail ? (
        !publication.error && <Spin />
      ) : (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('pub.published')}>
              {f.instant(detail.publishedAt, names.zoneOf(detail.subject.code))}
            </Descriptions.Item>
            <Descriptions.Item label={t('pub.channel')}>
              {detail.channel.name} ({PLATFORM_LABELS[lang][detail.channel.platform]})
            </Descriptions.Item>
            <Descriptions.Item label={t('pub.subject')}>
              {orgName(detail.subject, lang)}
              {detail.subjectManual && <Tag style={{ marginLeft: 8 }}>{t('pub.subjectManual')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('pub.topics')}>
              {detail.labels.topics.map((topic) => (
                <Tag
                  key={topic.topic}
                  color={topic.topic === detail.labels.primaryTopic ? 'blue' : 'default'}
                >
                  {TOPIC_LABELS[lang][topic.topic]} {f.percent(topic.score)}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('pub.concreteness')}>
              {detail.labels.concreteness === null
                ? t('pub.notJudged')
                : f.percent(detail.labels.concreteness)}{' '}
              {detail.labels.declarative !== null && (
                <Tag color={detail.labels.declarative ? 'orange' : 'green'}>
                  {detail.labels.declarative ? t('pub.declarative') : t('pub.concrete')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('pub.repost')}>
              {detail.labels.isRepost ? t('common.yes') : t('common.no')}
              {detail.labels.repostSource && ` — ${detail.labels.repostSource}`}
            </Descriptions.Item>
            {detail.url && (
              <Descriptions.Item label={t('common.link')}>
                <a href={detail.url} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
                  {detail.url}
                </a>
              </Descriptions.Item>
            )}
            {detail.links.length > 0 && (
              <Descriptions.Item label={t('pub.links')}>
                <PublicationLinks links={detail.links} />
              </Descriptions.Item>
            )}
            {detail.mediaUrl && (
              // A link, not the image: the page shows nothing from another site (Content-Security-Policy).
              <Descriptions.Item label={t('pub.media')}>
                <a href={detail.mediaUrl} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
                  {detail.mediaUrl}
                </a>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Divider titlePlacement="start">{t('pub.text')}</Divider>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {detail.text ?? detail.excerpt}
          </Typography.Paragraph>
          <Reasons detail={detail} />
          {canWrite && <Correction detail={detail} />}
          {detail.corrections.length > 0 && (
            <ul>
              {detail.corrections.map((entry) => (
                <li key={`${entry.field}-${entry.at}`}>
                  {entry.field}: {JSON.stringify(entry.value)} —{' '}
                  {t('pub.correctedBy', {
                    by: entry.by,
                    at: f.instant(entry.at, names.zoneOf(detail.subject.code)),
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Drawer>
  );
}
