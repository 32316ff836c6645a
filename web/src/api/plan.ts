/** The content plan's posts: the list of a subtree, drafting, changing, moving through approval, and the checks. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanPostAnswer } from '../../../src/shared/plan-post.schema.js';
import type {
  PostChannelAnswer,
  PostCheckAnswer,
  PostCheckInput,
} from '../../../src/shared/post-check.schema.js';
import type { Topic } from '../../../src/shared/vocabulary.js';
import { askAgain } from './answers.js';
import { api, withQuery } from './client.js';

export type PlanPost = PlanPostAnswer;
export type PostStep = 'submit' | 'approve' | 'return';

export interface PostDraft {
  org: string;
  channels: string[];
  textRu: string | null;
  textKk: string | null;
  plannedAt: string;
  topic: Topic | null;
  /** A JPEG or PNG image, base64. */
  image?: string | null;
}

const POSTS = 'posts';

/** `GET /posts?org`: the posts of the subtree, by planned instant. */
export function usePosts(org: string | undefined) {
  return useQuery({
    queryKey: [POSTS, org],
    queryFn: async () => (await api<{ items: PlanPost[] }>('GET', withQuery('/posts', { org }))).items,
    enabled: org !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** `GET /posts/channels?org`: the channels a post of the organization may go to. */
export function usePostChannels(org: string | undefined) {
  return useQuery({
    queryKey: [POSTS, 'channels', org],
    queryFn: async () =>
      (await api<{ items: PostChannelAnswer[] }>('GET', withQuery('/posts/channels', { org }))).items,
    enabled: org !== undefined,
    staleTime: 60_000,
  });
}

/** `POST /posts/check`: asked again as the draft changes (the caller passes it debounced). */
export function usePostCheck(draft: PostCheckInput | undefined) {
  return useQuery({
    queryKey: [POSTS, 'check', draft],
    queryFn: () => api<PostCheckAnswer>('POST', '/posts/check', draft),
    enabled: draft !== undefined && Boolean(draft.textRu || draft.textKk),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** Every answer is asked again after a change: the calendar, and the dashboard's counts once a post is out. */
const refreshed = (client: ReturnType<typeof useQueryClient>) => () => askAgain(client);

/** `POST /posts`. */
export function useCreatePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: PostDraft) => api<PlanPost>('POST', '/posts', draft),
    onSuccess: refreshed(client),
  });
}

/** `PATCH /posts/:id`: a draft's or a returned post's texts, instant or topic. */
export function useChangePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: Partial<Omit<PostDraft, 'org' | 'channels'>> }) =>
      api<PlanPost>('PATCH', `/posts/${id}`, change),
    onSuccess: refreshed(client),
  });
}

/** `POST /posts/:id/submit|approve|return`. */
export function useMovePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, comment }: { id: number; step: PostStep; comment?: string }) =>
      api<PlanPost>('POST', `/posts/${id}/${step}`, comment ? { comment } : {}),
    onSuccess: refreshed(client),
  });
}
