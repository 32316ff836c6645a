/**
 * Meta's "Download your information" files write every non-ASCII character as its UTF-8 bytes, each escaped as
 * `\u00XX`, so a JSON parser reads "zmieniÅ\u0082" for "zmienił". The repair reads such a string's code units as
 * bytes and decodes them as UTF-8; a string that is not such a byte sequence is left as it is, so the repair is
 * harmless on files some tool already decoded.
 */
const decoder = new TextDecoder('utf-8', { fatal: true });

export function repairString(value: string): string {
  let high = false;
  for (let at = 0; at < value.length; at++) {
    const unit = value.charCodeAt(at);
    if (unit > 0xff) return value;
    if (unit >= 0x80) high = true;
  }
  if (!high) return value;
  const bytes = new Uint8Array(value.length);
  for (let at = 0; at < value.length; at++) bytes[at] = value.charCodeAt(at);
  try {
    return decoder.decode(bytes);
  } catch {
    return value;
  }
}

/**
 * Repairs every string in a parsed value (texts, titles, names, descriptions, place names), in place: the value
 * is fresh from `JSON.parse`. Walked with a stack of its own, so that a value nested deeper than the call stack
 * goes is repaired too.
 */
export function repairMojibake(value: unknown): unknown {
  if (typeof value === 'string') return repairString(value);
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    const container = node as Record<string, unknown>;
    for (const key of Object.keys(container)) {
      const item = container[key];
      if (typeof item === 'string') container[key] = repairString(item);
      else if (typeof item === 'object' && item !== null) pending.push(item);
    }
  }
  return value;
}
