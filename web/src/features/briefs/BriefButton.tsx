/**
 * The brief of the organization and period on screen, downloaded at once as a Word file in the reader's
 * language (Russian for an English reader: briefs are written in Russian and Kazakh).
 */
import { Button, Tooltip } from 'antd';
import { withQuery } from '../../api/client.js';
import { useLang } from '../../i18n/index.js';

export function BriefButton({ orgCode, period }: { orgCode: string; period: string }) {
  const { lang, t } = useLang();
  const url = `/api/v1${withQuery('/briefs/download', {
    org: orgCode,
    period,
    lang: lang === 'kk' ? 'kk' : 'ru',
    format: 'docx',
  })}`;
  return (
    <Tooltip title={t('export.briefHint')}>
      <Button size="small" href={url} download style={{ marginLeft: 12 }} data-brief-download>
        {t('export.brief')} (DOCX)
      </Button>
    </Tooltip>
  );
}
