import { NetdicomError } from '../../transport/errors.js';

/** An AE title that cannot go in an A-ASSOCIATE-RQ/AC: thrown before any connection is made. */
export class InvalidAeTitleError extends NetdicomError {
  constructor(title: string, why: string) {
    super('ERR_AE_TITLE', `invalid AE title "${title}": ${why}`);
  }
}

/**
 * Checks an AE title (PS3.5 §6.2, VR AE): 1 to 16 characters of the default
 * repertoire, no backslash or control character, not only spaces. Returns it
 * without leading and trailing spaces (they are not significant). Throws
 * InvalidAeTitleError, rather than letting the encoder cut it at 16 bytes.
 */
export function checkAeTitle(title: string): string {
  const t = title.trim();
  if (t.length === 0) throw new InvalidAeTitleError(title, 'empty or only spaces');
  if (t.length > 16) throw new InvalidAeTitleError(title, `${t.length} characters, at most 16 are allowed`);
  if (!/^[\x20-\x7e]+$/.test(t) || t.includes('\\')) throw new InvalidAeTitleError(title, 'only printable ASCII characters and no backslash are allowed');
  return t;
}
