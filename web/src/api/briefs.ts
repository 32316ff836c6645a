/** The brief: planning its files (`POST /briefs`) and the links that write and download each. */
import { useMutation } from '@tanstack/react-query';
import type { BriefFormat, ReportLang } from '../../../src/shared/vocabulary.js';
import type { BriefPlan } from '../../../src/shared/work.schema.js';
import { api } from './client.js';

export { BRIEF_FORMATS, type BriefFormat } from '../../../src/shared/vocabulary.js';

/** `POST /briefs`. */
export function usePlanBrief() {
  return useMutation({
    mutationFn: (request: { org: string; period: string; lang: ReportLang; formats: BriefFormat[] }) =>
      api<BriefPlan>('POST', '/briefs', request),
  });
}

/** The download link of the HTML shown inline, for the preview. */
export function previewUrl(url: string): string {
  return `${url}&disposition=inline`;
}
