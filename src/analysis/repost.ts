/**
 * Reposts by the source's own marks: what an export says (a Telegram forward, a Facebook share) and what the
 * text says of itself («Переслано из…», «Репост с сайта ЦК», «Forwarded from…», «Дереккөз: …»).
 * Near-copies of earlier posts are found by fingerprints (near-duplicate.ts).
 */

export interface RepostMarks {
  /** Telegram's `forwarded_from`: the original author's name, or null when the author hid it. */
  forwardedFrom?: string | null;
  /** A shared post's or link's source, as an export gives it. */
  sharedFrom?: string | null;
}

export interface RepostFinding {
  isRepost: boolean;
  source: string | null;
  /** `kind:detail`, e.g. `forwarded_from:Отраслевой профсоюз`, `text_mark:Репост с сайта ЦК`. */
  reason: string | null;
}

const NOT_A_REPOST: RepostFinding = { isRepost: false, source: null, reason: null };

/** Marks a post opens with; the rest of the line names the source. */
const LEADING_MARK_RE =
  /^\s*(?:#?репост|repost|forwarded from|переслано(?: из| от)?|пересланное сообщение(?: от| из)?|қайта жариялау|бөлісілген жазба)(?!\p{L})[\s:–—-]*([^\n.!]{0,100})/iu;
/** An attribution line anywhere in the post. */
const SOURCE_LINE_RE = /(?:^|\n)\s*(?:источник|дереккөз|source|первоисточник)\s*:\s*([^\n]{1,150})/iu;
/** Facebook's sentence for a share, in the languages its exports are seen in. */
const SHARED_RE =
  /(?<!\p{L})(?:поделил(?:ся|ась)\s+(?:публикацией|ссылкой|записью)|shared\s+(?:a|an|the)?\s*(?:post|link|memory))(?!\p{L})/iu;

export function repostFromMarks(text: string, marks: RepostMarks = {}): RepostFinding {
  if (marks.forwardedFrom !== undefined) {
    const source = marks.forwardedFrom?.trim() || null;
    return { isRepost: true, source, reason: `forwarded_from:${source ?? 'hidden'}` };
  }
  if (marks.sharedFrom) {
    return { isRepost: true, source: marks.sharedFrom, reason: `shared_from:${marks.sharedFrom}` };
  }
  const leading = LEADING_MARK_RE.exec(text);
  if (leading) {
    const source = cleanSource(leading[1]);
    return { isRepost: true, source, reason: `text_mark:${leading[0].trim()}` };
  }
  const sourceLine = SOURCE_LINE_RE.exec(text);
  if (sourceLine) {
    const source = cleanSource(sourceLine[1]);
    return { isRepost: true, source, reason: `text_mark:${sourceLine[0].trim()}` };
  }
  const shared = SHARED_RE.exec(text);
  if (shared) return { isRepost: true, source: null, reason: `text_mark:${shared[0]}` };
  return NOT_A_REPOST;
}

function cleanSource(raw: string | undefined): string | null {
  const source = raw?.trim().replace(/^(?:с|из|от)\s+/iu, '') ?? '';
  return source.length > 0 ? source : null;
}
