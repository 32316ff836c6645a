/**
 * Near-duplicates by shingles and MinHash with locality-sensitive hashing. A post's fingerprint is the set of its
 * word 3-shingles and 16 band keys of a 64-value MinHash signature: two posts whose shingle sets overlap by a
 * Jaccard similarity of about 0.5 or more share a band key with high probability (0.6: 0.88, 0.7: 0.99), so a
 * lookup by band key finds the candidates, and their exact Jaccard decides against the threshold (a setting).
 */
import { tokenize } from './tokens.js';

const SHINGLE_WORDS = 3;
const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
/** Posts with fewer shingles are too short to call copies of each other. */
const MIN_SHINGLES = 8;
/** Jaccard similarity at or above which a later post on another channel is a repost (a setting). */
export const DEFAULT_JACCARD = 0.6;

/** A bijective 32-bit mixer (MurmurHash3's finalizer); with a seed per row it acts as a random permutation. */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + i * 0x7f4a7c15));

export interface Fingerprint {
  readonly shingles: ReadonlySet<number>;
  /** Band keys as signed 32-bit integers (a database `integer` holds them on both engines). */
  readonly bands: readonly number[];
}

/** Hashes of the post's word 3-shingles (words lower-cased, numbers kept). */
export function shinglesOf(text: string): Set<number> {
  const words = tokenize(text).map((token) => token.norm);
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    shingles.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  return shingles;
}

/** The post's fingerprint, or null when it is too short to compare. */
export function fingerprintOf(text: string): Fingerprint | null {
  const shingles = shinglesOf(text);
  if (shingles.size < MIN_SHINGLES) return null;
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < HASHES; i++) {
      const value = mix(shingle ^ (SEEDS[i] as number));
      if (value < (signature[i] as number)) signature[i] = value;
    }
  }
  const bands: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = mix(band + 1);
    for (let row = 0; row < ROWS; row++) h = mix(h ^ (signature[band * ROWS + row] as number));
    bands.push(h | 0);
  }
  return { shingles, bands };
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const item of small) if (large.has(item)) common++;
  return common / (a.size + b.size - common);
}

export interface IndexedPost<K> {
  key: K;
  channel: string;
  fingerprint: Fingerprint;
}

/**
 * An in-memory index of fingerprints, for a batch of posts in publication order (the evaluation, a file being
 * classified). The database keeps the same band keys for stored publications.
 */
export class NearDuplicateIndex<K> {
  private readonly buckets = new Map<string, IndexedPost<K>[]>();

  constructor(private readonly threshold = DEFAULT_JACCARD) {}

  /** The most similar earlier post on another channel at or above the threshold, then indexes this one. */
  addAndFind(post: IndexedPost<K>): { source: IndexedPost<K>; similarity: number } | null {
    let best: { source: IndexedPost<K>; similarity: number } | null = null;
    const seen = new Set<IndexedPost<K>>();
    for (const [band, key] of post.fingerprint.bands.entries()) {
      const bucketKey = `${band}:${key}`;
      const bucket = this.buckets.get(bucketKey);
      for (const candidate of bucket ?? []) {
        if (seen.has(candidate) || candidate.channel === post.channel) continue;
        seen.add(candidate);
        const similarity = jaccard(post.fingerprint.shingles, candidate.fingerprint.shingles);
        if (similarity >= this.threshold && (!best || similarity > best.similarity)) {
          best = { source: candidate, similarity };
        }
      }
      if (bucket) bucket.push(post);
      else this.buckets.set(bucketKey, [post]);
    }
    return best;
  }
}
