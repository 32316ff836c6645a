/**
 * What a new password must be, as OWASP ASVS (V2.1) asks: at least 12 characters and not among the passwords
 * attackers try first; no rules of composition. The password is stored as typed (never trimmed or cut); only the
 * counting leaves out spaces around it and counts a run of spaces once, so that ten spaces are not a password.
 */
import { ValidationError } from '../domain/errors.js';

export const MIN_PASSWORD_LENGTH = 12;

/** The length as the rule counts it, in characters (not UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password.trim().replace(/\s+/gu, ' ')].length;
}

let common: Promise<ReadonlySet<string>> | undefined;

/**
 * The 49,000 most common passwords of zxcvbn-ts's list (lower case, drawn from breach corpora), loaded on first
 * use: it takes some 50 ms, which a command that sets no password should not pay.
 */
function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
  );
  return common;
}

/** Whether the list has the password, ignoring case and spaces (`Qwerty 123456` is `qwerty123456`). */
export async function isCommonPassword(password: string): Promise<boolean> {
  const list = await commonPasswords();
  const lower = password.toLowerCase();
  return list.has(lower) || list.has(lower.replace(/\s+/gu, ''));
}

/** Throws a validation error on the field `password` of the record when the password may not be set. */
export async function checkNewPassword(password: string, record: string): Promise<void> {
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError(record, [
      { path: 'password', code: 'password_too_short', params: { min: MIN_PASSWORD_LENGTH, length } },
    ]);
  }
  if (await isCommonPassword(password)) {
    throw new ValidationError(record, [{ path: 'password', code: 'password_common' }]);
  }
}
