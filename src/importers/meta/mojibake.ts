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

/** Repairs every string in a parsed value: texts, titles, names, descriptions, place names. */
export function repairMojibake(value: unknown): unknown {
  if (typeof value === 'string') return repairString(value);
  if (Array.isArray(value)) return value.map(repairMojibake);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, repairMojibake(item)]));
  }
  return value;
}
