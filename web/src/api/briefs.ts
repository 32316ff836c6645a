/** The brief: planning its files (`POST /briefs`) and the links that write and download each. */
import { useMutation } from '@tanstack/react-query';
import type { ReportLang } from '../../../src/shared/vocabulary.js';
import { api } from './client.js';

export const BRIEF_FORMATS = ['docx', 'xlsx', 'html', 'md'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

export interface BriefPlan {
  org: string;
  from: string;
  to: string;
  lang: ReportLang;
  files: { format: BriefFormat; fileName: string; url: string }[];
}

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
