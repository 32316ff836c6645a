/** Imports: uploading a file with progress, the batches with their counts and rejections, undo, templates. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ImportBatchAnswer as ImportBatch,
  ImportStarted,
  RejectionPage,
  UndoAnswer,
} from '../../../src/shared/work.schema.js';
import { askAgain, SESSION_KEY } from './answers.js';
import { api, upload, withQuery } from './client.js';

export type { ImportBatch };

const refetchWhileRunning = (items: readonly ImportBatch[] | undefined) =>
  items?.some((batch) => batch.status === 'running') ? 1000 : false;

/** `GET /imports?limit`. */
export function useImports(limit = 50) {
  return useQuery({
    queryKey: ['imports', limit],
    queryFn: async () => (await api<{ items: ImportBatch[] }>('GET', withQuery('/imports', { limit }))).items,
    refetchInterval: (query) => refetchWhileRunning(query.state.data),
  });
}

/** `GET /imports/:id`, asked again every second while it runs. */
export function useImport(id: number | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['imports', 'one', id],
    queryFn: async () => {
      const batch = await api<ImportBatch>('GET', `/imports/${id}`);
      // Once it has finished, the counts everywhere have changed.
      if (batch.status !== 'running')
        void askAgain(client, {
          predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] && query.queryKey[1] !== 'one',
        });
      return batch;
    },
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
}

export interface UploadRequest {
  file: File;
  channel?: string | undefined;
  /** The user confirmed importing a Telegram group or personal chat as the channel's posts. */
  acceptChatType?: boolean;
}

/** `POST /imports` (multipart: the file and `channel`, `acceptChatType`), reporting upload progress 0…1. */
export function useUpload(onProgress: (fraction: number) => void) {
  return useMutation({
    mutationFn: ({ file, channel, acceptChatType }: UploadRequest) => {
      const form = new FormData();
      if (channel) form.append('channel', channel);
      if (acceptChatType) form.append('acceptChatType', 'true');
      form.append('file', file, file.name);
      return upload<ImportStarted>('/imports', form, onProgress);
    },
  });
}

export type { RejectionPage };

/** `GET /imports/:id/rejections?offset&limit`: the batch keeps every rejection, read a page at a time. */
export function fetchRejections(id: number, offset: number, limit = 1000): Promise<RejectionPage> {
  return api<RejectionPage>('GET', withQuery(`/imports/${id}/rejections`, { offset, limit }));
}

/** `POST /imports/:id/undo`. */
export function useUndoImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<UndoAnswer>('POST', `/imports/${id}/undo`),
    onSuccess: () => askAgain(client),
  });
}

/** `GET /templates/:kind?lang`: a link, the browser saves the file. */
export function templateUrl(kind: string, lang: string): string {
  return withQuery(`/api/v1/templates/${kind}`, { lang });
}
