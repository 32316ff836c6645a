/**
 * Publishing a post to a Facebook page through the Graph API with the channel's page token: `POST /{page-id}/feed`
 * with the text as `message`, or `POST /{page-id}/photos` (the image uploaded as `source`, the text its caption)
 * when the post has an image. The token goes in the Authorization header only. The answer's id is the post's
 * (`{page-id}_{post-id}`; a photo's `post_id`), the external id the collector stores the same post under, so that
 * a later collection of the page adds nothing.
 *
 * A request whose answer never came (a timeout, a 5xx) may have posted: it is told as `publish_uncertain`, and
 * before sending again `findOnPage` reads the page's posts since the uncertain attempt (`/{page-id}/posts`, which
 * the Graph API does allow) for one with the same text.
 */
import { DomainError } from '../../domain/errors.js';
import { mapFacebookPost } from '../../importers/graph/map.js';
import type { CollectPolicy } from '../collect/collector.js';
import { GraphClient, RATE_LIMIT_CODES, TOKEN_EXPIRED_CODE } from '../collect/graph.js';
import { isTransientStatus } from '../collect/polite-fetch.js';
import { CLOCK_SLACK_MS, normalized, type Sent } from './sent.js';

type Json = Record<string, unknown>;

const PLATFORM = 'Facebook';

export interface FacebookTarget {
  pageId: string;
  token: string;
  text: string;
  image?: { bytes: Buffer; type: string };
}

const objectOf = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;

/** The post as the collector maps a page's post, under the id the Graph API gave it. */
function sentOf(policy: CollectPolicy, target: FacebookTarget, post: Json): Sent {
  const id = String(post['id']);
  const [page, postId] = id.includes('_') ? id.split('_') : [target.pageId, id];
  const url = String(
    post['permalink_url'] ?? `https://www.facebook.com/${page ?? target.pageId}/posts/${postId ?? id}`,
  );
  const source = `${policy.graphApiUrl} ${target.pageId}/feed`;
  const item = mapFacebookPost({ ...post, permalink_url: url }, 0, { file: source });
  return { externalId: id, url, items: [item], source, hash: `facebook:${id}`, format: 'facebook-graph' };
}

/** Sends the post once: a refused token, a rate limit and a refused post fail with the Graph API's message. */
export async function sendToFacebook(
  policy: CollectPolicy,
  target: FacebookTarget,
  now: Date,
): Promise<Sent> {
  const base = policy.graphApiUrl.replace(/\/+$/, '');
  const edge = target.image ? 'photos' : 'feed';
  const form = new FormData();
  if (target.image) {
    form.set('caption', target.text);
    form.set('source', new Blob([target.image.bytes], { type: target.image.type }), 'post');
  } else form.set('message', target.text);
  const { status, answer } = await graphRequest(
    `${base}/${policy.graphVersion}/${target.pageId}/${edge}`,
    { method: 'POST', body: form },
    { token: target.token, timeoutMs: policy.timeoutMs, platform: PLATFORM, step: edge },
  );
  const error = objectOf(answer?.['error']);
  const id = answer?.['post_id'] ?? answer?.['id'];
  if (!error && typeof id === 'string' && status < 400)
    return sentOf(policy, target, { id, message: target.text, created_time: now.toISOString() });
  throw graphRefusal(PLATFORM, edge, status, answer);
}

/**
 * One Graph API request with the token in the Authorization header: its status and JSON answer (undefined when
 * unreadable). No answer at all (a timeout, a broken connection) is `publish_uncertain`: it may have posted.
 */
export async function graphRequest(
  url: string,
  init: { method: 'GET' | 'POST'; body?: FormData | URLSearchParams },
  how: { token: string; timeoutMs: number; platform: string; step: string },
): Promise<{ status: number; answer: Json | undefined }> {
  try {
    const response = await fetch(url, {
      ...init,
      headers: { authorization: `Bearer ${how.token}` },
      signal: AbortSignal.timeout(how.timeoutMs),
    });
    const text = await response.text();
    try {
      return { status: response.status, answer: objectOf(JSON.parse(text)) };
    } catch {
      return { status: response.status, answer: undefined };
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'no answer';
    throw new DomainError('publish_uncertain', { platform: how.platform, detail: `${how.step}: ${detail}` });
  }
}

/**
 * What a Graph API answer that is no success means for a sending: a refused token, a rate limit, an uncertain
 * outcome (a 5xx, an unreadable answer: it may have posted), else a refusal with the Graph API's message.
 */
export function graphRefusal(platform: string, step: string, status: number, answer: Json | undefined) {
  const error = objectOf(answer?.['error']);
  const code = typeof error?.['code'] === 'number' ? error['code'] : undefined;
  const message = String(error?.['message'] ?? `HTTP ${status}`);
  if (code === TOKEN_EXPIRED_CODE)
    return new DomainError('publish_token_refused', { platform, detail: message });
  if ((code !== undefined && RATE_LIMIT_CODES.has(code)) || status === 429)
    return new DomainError('publish_rate_limited', { platform, seconds: 60 });
  if (isTransientStatus(status) || answer === undefined)
    return new DomainError('publish_uncertain', { platform, detail: `${step}: ${message}` });
  return new DomainError('publish_refused', { platform, detail: message });
}

/** The page's post with the post's text published since the uncertain attempt at `since`, if there is one. */
export async function findOnPage(
  policy: CollectPolicy,
  target: FacebookTarget,
  since: string,
): Promise<Sent | undefined> {
  const client = new GraphClient(policy, target.token);
  const after = Math.floor((Date.parse(since) - CLOCK_SLACK_MS) / 1000);
  try {
    const page = objectOf(
      await client.get(
        client.url(`${target.pageId}/posts`, {
          fields: 'id,message,created_time,permalink_url',
          since: String(after),
          limit: '100',
        }),
      ),
    );
    const posts = Array.isArray(page?.['data']) ? (page['data'] as unknown[]).map(objectOf) : [];
    const wanted = normalized(target.text);
    const found = posts.find((post) => post && normalized(String(post['message'] ?? '')) === wanted);
    return found ? sentOf(policy, target, found) : undefined;
  } catch {
    return undefined;
  }
}
