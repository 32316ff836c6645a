/**
 * Telegram's public web preview → posts and pages. `t.me/s/<username>` shows a channel's last posts (about 20) with
 * their text, media, views and time, and links to the older page (`?before=<id>`); `t.me/<username>` tells what the
 * name is (a channel, a group, a bot, a person, a private invite or nothing) and a channel's exact subscribers.
 * Pure functions over one page's HTML: the collector bounds a page's bytes and time before it gets here (a page of
 * 20 posts is ~120 KB and parses in milliseconds), so no page can hold a parser for long.
 *
 * Views: the preview shows them rounded ("12.3K"); they are kept as the number they stand for (12300), with
 * `viewsExact` false, since the page has nothing more exact.
 */
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import type { PublicationLink } from '../../shared/links.js';
import type { MediaKind } from '../../shared/vocabulary.js';
import { cleanText, hashtagsOf } from '../text.js';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

export interface WebPost {
  /** The message id: what a Telegram Desktop export calls the same message. */
  id: number;
  /** The channel's username as the page writes it in `data-post`. */
  username: string;
  /** From `<time datetime>`, as a UTC ISO instant; absent when the page gives none that reads. */
  instant?: string;
  /** The text as the reader sees it: line breaks kept, a link hidden under words as those words. */
  text?: string;
  links: PublicationLink[];
  hashtags: string[];
  /** What the post shows besides text; absent for text alone or what an export does not count (a sticker). */
  media?: MediaKind;
  /** Whether the post is something no export shows as media but counts (a poll, whose question is its text). */
  poll: boolean;
  views?: number;
  viewsExact: boolean;
  /** A forward: the name of its source, and the source's address where the page links it. */
  forwardedFrom?: string;
  forwardedFromUrl?: string;
}

export interface WebPostsPage {
  posts: WebPost[];
  /** The id to ask the older page with (`?before=`); absent on the channel's first page of all. */
  before?: number;
  /** Whether the page is a channel's preview at all (a missing name gives a contact page without posts). */
  isPreview: boolean;
}

/** `bot`: a bot or a person, whose pages are alike. */
export type PageKind = 'channel' | 'group' | 'bot' | 'private' | 'missing';

export interface WebChannelPage {
  kind: PageKind;
  title?: string;
  /** A channel's subscribers or a group's members, exactly as the page counts them. */
  followers?: number;
  /** A group's members online. */
  online?: number;
}

const isText = (node: Node): node is Node & { data: string } => node.type === ElementType.Text;
/** Scripts and styles are elements of types of their own: they are never walked into. */
const isTag = (node: Node): node is Element => node.type === ElementType.Tag;

const hasClass = (element: Element, name: string) =>
  (DomUtils.getAttributeValue(element, 'class') ?? '').split(/\s+/).includes(name);

const byClass = (root: Node | Node[], name: string): Element[] =>
  DomUtils.findAll((element) => hasClass(element, name), Array.isArray(root) ? root : [root]);

const firstByClass = (root: Node | Node[], name: string): Element | undefined => byClass(root, name)[0];

/** Text of an element as a browser lays it out: whitespace runs are one space, `<br>` a line break. */
function visibleText(element: Node, links?: PublicationLink[]): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (isText(node)) {
      parts.push(node.data.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (!isTag(node)) return;
    if (node.name === 'br') {
      parts.push('\n');
      return;
    }
    const start = parts.length;
    for (const child of node.children) walk(child);
    if (node.name === 'a' && links) {
      const link = linkOf(node, laidOut(parts.slice(start).join('')));
      if (link) links.push(link);
    }
  };
  walk(element);
  return laidOut(parts.join(''));
}

const laidOut = (text: string) => text.replace(/ *\n */g, '\n').replace(/ {2,}/g, ' ');

/**
 * A link as the Telegram export keeps it (importers/telegram/map.ts): the address and the words shown. A mention
 * (`@name`), a hashtag (`?q=%23…`), an e-mail or a phone number are no links there, so none here either.
 */
function linkOf(anchor: Element, shown: string): PublicationLink | undefined {
  const href = DomUtils.getAttributeValue(anchor, 'href')?.trim();
  if (!href || href.startsWith('?') || /^(mailto|tel):/i.test(href)) return undefined;
  if (/^@[A-Za-z0-9_]+$/.test(shown.trim()) && /^https?:\/\/t\.me\//i.test(href)) return undefined;
  return { url: href, text: shown };
}

/** "12.3K" → 12300, "1.2M" → 1200000, "879" → 879; undefined for anything else. */
export function countOf(value: string | undefined): number | undefined {
  const match = value?.trim().match(/^(\d+(?:[.,]\d+)?)\s*([KMB])?$/i);
  if (!match) return undefined;
  const scale = { K: 1e3, M: 1e6, B: 1e9 }[(match[2] ?? '').toUpperCase() as 'K' | 'M' | 'B'] ?? 1;
  return Math.round(Number((match[1] ?? '').replace(',', '.')) * scale);
}

/** Digits grouped by spaces (regular or not), as `tgme_page_extra` writes them: "82 932" → 82932. */
const groupedNumber = (value: string) => Number(value.replace(/[\s\u00a0\u202f]/g, ''));

function instantOf(message: Element): string | undefined {
  const time = DomUtils.findOne(
    (element) => element.name === 'time' && DomUtils.hasAttrib(element, 'datetime'),
    [message],
  );
  const value = time ? DomUtils.getAttributeValue(time, 'datetime') : undefined;
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** What the message shows, in the terms the export's mapper uses: an album, a photo, a video, a document. */
function mediaOf(message: Element): MediaKind | undefined {
  const has = (name: string) => firstByClass(message, name) !== undefined;
  if (has('tgme_widget_message_grouped_wrap')) return 'album';
  if (has('tgme_widget_message_photo_wrap')) return 'photo';
  if (has('tgme_widget_message_video_player') || has('tgme_widget_message_roundvideo_player')) return 'video';
  if (has('tgme_widget_message_document_wrap') || has('tgme_widget_message_voice_player')) return 'document';
  return undefined;
}

function postOf(message: Element): WebPost | undefined {
  const [username = '', idText = ''] = (DomUtils.getAttributeValue(message, 'data-post') ?? '').split('/');
  const id = Number(idText);
  if (!username || !Number.isSafeInteger(id) || id <= 0) return undefined;
  // A reply quotes another post inside this one: what it shows is not this post's.
  for (const quoted of byClass(message, 'tgme_widget_message_reply')) DomUtils.removeElement(quoted);
  const links: PublicationLink[] = [];
  const textElement = firstByClass(message, 'tgme_widget_message_text');
  const pollQuestion = firstByClass(message, 'tgme_widget_message_poll_question');
  const text = cleanText(
    pollQuestion ? visibleText(pollQuestion) : textElement ? visibleText(textElement, links) : undefined,
  );
  const viewsText = firstByClass(message, 'tgme_widget_message_views');
  const views = viewsText ? countOf(DomUtils.textContent(viewsText)) : undefined;
  const forward = firstByClass(message, 'tgme_widget_message_forwarded_from_name');
  const forwardedFrom = forward ? cleanText(visibleText(forward)) : undefined;
  const forwardedFromUrl = forward ? DomUtils.getAttributeValue(forward, 'href') : undefined;
  const instant = instantOf(message);
  const media = mediaOf(message);
  return {
    id,
    username,
    links,
    hashtags: hashtagsOf(text),
    poll: pollQuestion !== undefined,
    viewsExact: views !== undefined && views < 1000,
    ...(instant ? { instant } : {}),
    ...(text ? { text } : {}),
    ...(media ? { media } : {}),
    ...(views !== undefined ? { views } : {}),
    ...(forward ? { forwardedFrom: forwardedFrom ?? '' } : {}),
    ...(forwardedFromUrl ? { forwardedFromUrl } : {}),
  };
}

const beforeOf = (href: string | undefined) => {
  const value = href?.match(/[?&]before=(\d+)/)?.[1];
  return value === undefined ? undefined : Number(value);
};

/** A `t.me/s/<username>` page: its posts, oldest first as the page lists them, and the older page's id. */
export function parsePostsPage(html: string): WebPostsPage {
  const document = parseDocument(html);
  const posts = byClass(document, 'tgme_widget_message')
    .filter((element) => DomUtils.hasAttrib(element, 'data-post'))
    .map(postOf)
    .filter((post): post is WebPost => post !== undefined);
  const prev = DomUtils.findOne(
    (element) => element.name === 'link' && DomUtils.getAttributeValue(element, 'rel') === 'prev',
    document.children,
  );
  const more = firstByClass(document, 'tme_messages_more');
  const before =
    beforeOf(prev ? DomUtils.getAttributeValue(prev, 'href') : undefined) ??
    (more ? beforeOf(`?before=${DomUtils.getAttributeValue(more, 'data-before') ?? ''}`) : undefined);
  const isPreview = posts.length > 0 || firstByClass(document, 'tgme_channel_history') !== undefined;
  return { posts, isPreview, ...(before !== undefined ? { before } : {}) };
}

/**
 * A `t.me/<username>` page: a channel's "82 932 subscribers", a group's "14 035 members, 5 791 online", a bot's or
 * a person's "@name" and "Send Message", an invite's "Join …" link (`tg://join`), and for a name
 * nobody holds, a contact page without a title.
 */
export function parseChannelPage(html: string): WebChannelPage {
  const document = parseDocument(html);
  const titleElement = firstByClass(document, 'tgme_page_title');
  // A channel may have an empty title; a name nobody holds has no title element at all.
  if (!titleElement) return { kind: 'missing' };
  const title = cleanText(visibleText(titleElement)) ?? '';
  const extraElement = firstByClass(document, 'tgme_page_extra');
  const extra = extraElement ? (cleanText(visibleText(extraElement)) ?? '') : '';
  const action = firstByClass(document, 'tgme_action_button_new');
  const join = /^tg:\/\/join\?/i.test(action ? (DomUtils.getAttributeValue(action, 'href') ?? '') : '');
  const count = (word: RegExp) => {
    const match = extra.match(new RegExp(`([\\d\\s\\u00a0\\u202f]+)\\s${word.source}`, 'i'));
    return match?.[1] ? groupedNumber(match[1]) : undefined;
  };
  const subscribers = count(/subscribers?/);
  const members = count(/members?/);
  const online = count(/online/);
  const followers = subscribers ?? members;
  if (join) return { kind: 'private', title, ...(followers !== undefined ? { followers } : {}) };
  if (members !== undefined)
    return { kind: 'group', title, followers: members, ...(online !== undefined ? { online } : {}) };
  if (subscribers !== undefined) return { kind: 'channel', title, followers: subscribers };
  // A bot's page and a person's are alike ("@name", "Send Message"; @BotFather's name does not even end in "bot"):
  // both are "bot", an account to write to, not a channel to read.
  return { kind: 'bot', title };
}
