/**
 * Telegram Desktop writes control characters inside strings as `\xHH`, which JSON does not allow. This fixer
 * rewrites them as `\u00HH` on the fly, across chunk boundaries, leaving `\\x` (an escaped backslash) alone.
 */
import type { ByteFixer } from '../json/stream.js';

const BACKSLASH = 0x5c;
const X = 0x78;
const U00 = Buffer.from('u00');

export class TelegramEscapeFixer implements ByteFixer {
  /** Whether the previous chunk ended inside an escape (right after a backslash). */
  private escaped = false;
  private outputSeen = 0;
  /** Output offsets where `u00` replaced an `x`: each one shifts later offsets by two bytes. */
  private readonly rewrites: number[] = [];

  fix(chunk: Buffer): Buffer {
    const start = this.outputSeen;
    if (!this.escaped && chunk.indexOf(BACKSLASH) === -1) {
      this.outputSeen += chunk.length;
      return chunk;
    }
    const parts: Buffer[] = [];
    let copied = 0;
    let written = 0;
    for (let at = 0; at < chunk.length; at++) {
      const byte = chunk[at];
      if (this.escaped) {
        this.escaped = false;
        if (byte === X) {
          parts.push(chunk.subarray(copied, at), U00);
          written += at - copied;
          this.rewrites.push(start + written);
          written += U00.length;
          copied = at + 1;
        }
      } else if (byte === BACKSLASH) {
        this.escaped = true;
      } else {
        // Nothing to look at until the next backslash.
        const next = chunk.indexOf(BACKSLASH, at + 1);
        if (next === -1) break;
        at = next - 1;
      }
    }
    parts.push(chunk.subarray(copied));
    const fixed = parts.length === 1 ? chunk : Buffer.concat(parts);
    this.outputSeen += fixed.length;
    return fixed;
  }

  inputOffset(outputOffset: number): number {
    let shift = 0;
    for (const rewrite of this.rewrites) {
      if (rewrite >= outputOffset) break;
      shift += Math.min(2, outputOffset - rewrite);
    }
    return outputOffset - shift;
  }
}
