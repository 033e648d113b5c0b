/**
 * Error Comment (0000,0902), PS3.7 §C.1 / Annex E: an LO value, so at most
 * 64 characters (PS3.5 Table 6.2-1), of the default character repertoire (a
 * command set has no Specific Character Set), without a backslash (the LO
 * value delimiter) or control characters.
 */
export const ERROR_COMMENT_MAX = 64;

const ELLIPSIS = '...';

/**
 * `text` as an Error Comment. Comments we write ourselves are worded to fit
 * and come back unchanged; text from elsewhere (a decoder's message, an OS
 * error) is made to fit: a trailing reference in parentheses such as
 * " (C.4.1.2.2)" is dropped first, then the text is cut at the last word
 * boundary and ends with "...". Only a single word longer than half the
 * limit (a path, a UID) is cut inside.
 */
export function errorComment(text: string): string {
  const clean = text
    .replace(/\\/g, '/')
    .replace(/[^\x20-\x7e]/g, (c) => (/\s/.test(c) ? ' ' : '?'))
    .replace(/ {2,}/g, ' ')
    .trim();
  if (clean.length <= ERROR_COMMENT_MAX) return clean;
  const bare = clean.replace(/\s*\([^()]*\)$/, '');
  if (bare.length <= ERROR_COMMENT_MAX) return bare;
  const room = ERROR_COMMENT_MAX - ELLIPSIS.length;
  const space = bare.lastIndexOf(' ', room);
  const cut = space >= room / 2 ? space : room;
  return bare.slice(0, cut).replace(/[\s,;:.(-]+$/, '') + ELLIPSIS;
}
