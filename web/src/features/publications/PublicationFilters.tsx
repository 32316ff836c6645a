/** The publications list's filters, kept in the URL so that a finding's link opens the same list. */
import { Input, Select } from 'antd';
import { useSearchParams } from 'react-router';
import type { PublicationFilter } from '../../../../src/shared/dashboard.js';
import { PLATFORM_LABELS, TOPIC_LABELS } from '../../../../src/shared/labels.js';
import {
  PLATFORMS,
  type Platform,
  SUBJECT_GROUPS,
  type SubjectGroupName,
  TOPICS,
  type Topic,
} from '../../../../src/shared/vocabulary.js';
import { useLang } from '../../i18n/index.js';

export const FILTER_NAMES = ['channel', 'platform', 'topic', 'repost', 'declarative', 'q'] as const;

/** The filters of the URL (organization and period come from the layout's pickers). */
export function useFilterParams(): { filter: Omit<PublicationFilter, 'org' | 'period'>; page: number } {
  const [params] = useSearchParams();
  const flag = (name: string) => {
    const value = params.get(name);
    return value === 'true' ? true : value === 'false' ? false : undefined;
  };
  const text = (name: string) => params.get(name) ?? undefined;
  return {
    filter: {
      ...(text('channel') ? { channel: text('channel') } : {}),
      ...(text('platform') ? { platform: text('platform') as Platform } : {}),
      ...(text('topic') ? { topic: text('topic') as Topic } : {}),
      ...(flag('repost') !== undefined ? { repost: flag('repost') } : {}),
      ...(flag('declarative') !== undefined ? { declarative: flag('declarative') } : {}),
      ...(text('q') ? { q: text('q') } : {}),
      ...(Number(text('batch')) > 0 ? { batch: Number(text('batch')) } : {}),
      ...(SUBJECT_GROUPS.find((group) => group === text('group'))
        ? { group: text('group') as SubjectGroupName }
        : {}),
    },
    page: Number(params.get('page') ?? '1') || 1,
  };
}

export function useSetParam() {
  const [, setParams] = useSearchParams();
  return (name: string, value: string | undefined) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
      if (name !== 'page') next.delete('page');
      return next;
    });
}

export function PublicationFilters() {
  const { lang, t } = useLang();
  const { filter } = useFilterParams();
  const setParam = useSetParam();
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  const flagValue = (value: boolean | undefined) => (value === undefined ? undefined : String(value));
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
      <Input.Search
        aria-label={t('common.search')}
        placeholder={t('pub.searchPlaceholder')}
        defaultValue={filter.q}
        allowClear
        onSearch={(value) => setParam('q', value.trim())}
        style={{ width: 260 }}
      />
      <Select
        aria-label={t('common.platform')}
        placeholder={t('common.platform')}
        allowClear
        value={filter.platform}
        onChange={(value?: string) => setParam('platform', value)}
        options={PLATFORMS.map((platform) => ({ value: platform, label: PLATFORM_LABELS[lang][platform] }))}
        style={{ width: 170 }}
      />
      <Select
        aria-label={t('pub.topic')}
        placeholder={t('pub.topic')}
        allowClear
        value={filter.topic}
        onChange={(value?: string) => setParam('topic', value)}
        options={TOPICS.map((topic) => ({ value: topic, label: TOPIC_LABELS[lang][topic] }))}
        popupMatchSelectWidth={false}
        style={{ width: 200 }}
      />
      <Select
        aria-label={t('pub.repost')}
        placeholder={t('pub.repost')}
        allowClear
        value={flagValue(filter.repost)}
        onChange={(value?: string) => setParam('repost', value)}
        options={yesNo}
        style={{ width: 130 }}
      />
      <Select
        aria-label={t('pub.declarative')}
        placeholder={t('pub.declarative')}
        allowClear
        value={flagValue(filter.declarative)}
        onChange={(value?: string) => setParam('declarative', value)}
        options={yesNo}
        style={{ width: 160 }}
      />
    </div>
  );
}
