/**
 * Publishing a post to an Instagram professional account through the Graph API's content publishing, with the
 * channel's token: `POST /{ig-user-id}/media` makes a container of the image (fetched by Instagram from the
 * server's public address, `AQPARAT_PUBLIC_URL`) and the caption; the container's `status_code` is asked until
 * FINISHED (a bounded number of times, the pause doubled each time; ERROR or EXPIRED fail the post with Instagram's
 * status); `POST /{ig-user-id}/media_publish` publishes it; the media's permalink is then read. The media's id is
 * the external id the collector stores the same post under, so that a later collection adds nothing.
 *
 * Only `media_publish` posts anything: a lost answer there is `publish_uncertain`, and before sending again
 * `findOnInstagram` reads the account's newest media for one with the same caption, not older than the attempt.
 */
import { DomainError } from '../../domain/errors.js';
import { mapInstagramMedia } from '../../importers/graph/map.js';
import type { CollectPolicy } from '../collect/collector.js';
import { graphRefusal, graphRequest } from './facebook-publish.js';
import { CLOCK_SLACK_MS, normalized, type Sent } from './sent.js';

type Json = Record<string, unknown>;

const PLATFORM = 'Instagram';
/** Instagram's limit of a caption, in characters. */
export const INSTAGRAM_CAPTION_LIMIT = 2200;
/** How many times a container's status is asked, and the first pause between (doubled each time, at most 30 s). */
export const STATUS_POLLS = 8;
const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 30_000;
const MEDIA_FIELDS = 'id,caption,timestamp,permalink,media_type,media_url,like_count,comments_count';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface InstagramTarget {
  /** The account's Graph user id. */
  userId: string;
  token: string;
  text: string;
  /** Where Instagram fetches the image: the server's public address of the post's image. */
  imageUrl: string;
}

/** The pauses before each status question after the first: 1, 2, 4 … seconds, none above 30 s. */
export const statusPauses = (): number[] =>
  Array.from({ length: STATUS_POLLS - 1 }, (_, index) =>
    Math.min(FIRST_PAUSE_MS * 2 ** index, LONGEST_PAUSE_MS),
  );

function sentOf(policy: CollectPolicy, target: InstagramTarget, media: Json): Sent {
  const id = String(media['id']);
  const source = `${policy.graphApiUrl} ${target.userId}/media`;
  const item = mapInstagramMedia(media, 0, { file: source });
  const url = typeof media['permalink'] === 'string' ? media['permalink'] : null;
  return { externalId: id, url, items: [item], source, hash: `instagram:${id}`, format: 'instagram-graph' };
}

/**
 * Sends the post once: the container, its status until FINISHED, the publishing, the permalink. `wait` is the
 * pause between status questions (a test's may record them instead of waiting).
 */
export async function sendToInstagram(
  policy: CollectPolicy,
  target: InstagramTarget,
  now: Date,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<Sent> {
  if (target.text.length > INSTAGRAM_CAPTION_LIMIT)
    throw new DomainError('publish_text_too_long', {
      platform: PLATFORM,
      length: target.text.length,
      limit: INSTAGRAM_CAPTION_LIMIT,
    });
  const base = `${policy.graphApiUrl.replace(/\/+$/, '')}/${policy.graphVersion}`;
  const how = (step: string) => ({
    token: target.token,
    timeoutMs: policy.timeoutMs,
    platform: PLATFORM,
    step,
  });
  const idOf = (answer: Json | undefined) =>
    !answer?.['error'] && typeof answer?.['id'] === 'string' ? answer['id'] : undefined;

  const made = await graphRequest(
    `${base}/${target.userId}/media`,
    { method: 'POST', body: new URLSearchParams({ image_url: target.imageUrl, caption: target.text }) },
    how('media'),
  );
  const container = made.status < 400 ? idOf(made.answer) : undefined;
  if (!container) throw graphRefusal(PLATFORM, 'media', made.status, made.answer);

  const pauses = statusPauses();
  for (let poll = 0; ; poll++) {
    const asked = await graphRequest(
      `${base}/${container}?${new URLSearchParams({ fields: 'status_code,status' }).toString()}`,
      { method: 'GET' },
      how('status'),
    );
    if (asked.status >= 400 || asked.answer?.['error'])
      throw graphRefusal(PLATFORM, 'status', asked.status, asked.answer);
    const code = String(asked.answer?.['status_code'] ?? '');
    if (code === 'FINISHED') break;
    if (code === 'ERROR' || code === 'EXPIRED')
      throw new DomainError('publish_media_rejected', {
        platform: PLATFORM,
        status: code,
        detail: String(asked.answer?.['status'] ?? code),
      });
    const pause = pauses[poll];
    if (pause === undefined)
      throw new DomainError('publish_media_not_ready', {
        platform: PLATFORM,
        seconds: Math.round(pauses.reduce((sum, ms) => sum + ms, 0) / 1000),
      });
    await wait(pause);
  }

  const published = await graphRequest(
    `${base}/${target.userId}/media_publish`,
    { method: 'POST', body: new URLSearchParams({ creation_id: container }) },
    how('media_publish'),
  );
  const id = published.status < 400 ? idOf(published.answer) : undefined;
  if (!id) throw graphRefusal(PLATFORM, 'media_publish', published.status, published.answer);

  // Published: whatever the permalink's reading gives, the media is recorded under its id.
  const fallback = { id, caption: target.text, timestamp: now.toISOString(), media_type: 'IMAGE' };
  try {
    const read = await graphRequest(
      `${base}/${id}?${new URLSearchParams({ fields: MEDIA_FIELDS }).toString()}`,
      { method: 'GET' },
      how('permalink'),
    );
    const media = read.status < 400 && read.answer?.['id'] === id ? read.answer : undefined;
    return sentOf(policy, target, media ? { ...fallback, ...media } : fallback);
  } catch {
    return sentOf(policy, target, fallback);
  }
}

/** The account's media with the post's caption published since the uncertain attempt at `since`, if any. */
export async function findOnInstagram(
  policy: CollectPolicy,
  target: InstagramTarget,
  since: string,
): Promise<Sent | undefined> {
  const base = `${policy.graphApiUrl.replace(/\/+$/, '')}/${policy.graphVersion}`;
  const from = Date.parse(since) - CLOCK_SLACK_MS;
  try {
    const { status, answer } = await graphRequest(
      `${base}/${target.userId}/media?${new URLSearchParams({ fields: MEDIA_FIELDS, limit: '25' }).toString()}`,
      { method: 'GET' },
      { token: target.token, timeoutMs: policy.timeoutMs, platform: PLATFORM, step: 'media' },
    );
    if (status >= 400 || !Array.isArray(answer?.['data'])) return undefined;
    const wanted = normalized(target.text);
    const found = (answer['data'] as unknown[]).find((media): media is Json => {
      const value = media as Json | null;
      return (
        typeof value?.['id'] === 'string' &&
        normalized(String(value['caption'] ?? '')) === wanted &&
        // Instagram writes its instants as 2021-08-13T08:25:28+0000.
        Date.parse(String(value['timestamp']).replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) >= from
      );
    });
    return found ? sentOf(policy, target, found) : undefined;
  } catch {
    return undefined;
  }
}
