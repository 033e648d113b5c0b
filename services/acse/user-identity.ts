/**
 * User Identity negotiation, PS3.7 D.3.3.7: the requestor's sub-item (0x58)
 * built from a username and passcode, the acceptor's check of it, and the
 * acceptor's answer (0x59). A refused identity is answered with
 * A-ASSOCIATE-RJ result 1 (permanent), source 1 (service-user), reason 1
 * (no-reason-given), as pynetdicom does.
 *
 * The passcode is never logged, never put in an error message and never
 * shown by the inspector (visualize/pdu-summary.ts shows only the type).
 */
import type crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AssociateRqPdu, UserIdentityRq } from '../../transport/pdu-types.js';

/** User Identity Type, PS3.7 Table D.3-14. */
export const UserIdentityType = { Username: 1, UsernameAndPasscode: 2, Kerberos: 3, Saml: 4, Jwt: 5 } as const;

const TYPE_NAMES: Record<number, string> = { 1: 'username', 2: 'username+passcode', 3: 'Kerberos', 4: 'SAML', 5: 'JWT' };

/** The identity an acceptor's check sees. For types 3–5 `username` is the primary field (ticket, assertion, token) as UTF-8. */
export interface UserIdentity {
  type: number;
  username: string;
  /** Type 2 only. */
  passcode?: string;
  positiveResponseRequested: boolean;
}

/** Decides whether an identity may associate; may be async (a directory look-up). A throw counts as a refusal. */
export type UserIdentityCheck = (id: UserIdentity, rq: AssociateRqPdu) => boolean | Promise<boolean>;

/** What a requestor asks for: type 1 without a passcode, type 2 with one. */
export interface UserIdentityRequest {
  username: string;
  passcode?: string;
  /** Ask the acceptor to confirm with a User Identity AC sub-item. Default false. */
  positiveResponseRequested?: boolean;
}

/** The User Identity RQ sub-item for a username (type 1) or username and passcode (type 2), UTF-8. */
export function userIdentityRq(r: UserIdentityRequest): UserIdentityRq {
  const withPasscode = r.passcode !== undefined;
  return {
    identityType: withPasscode ? UserIdentityType.UsernameAndPasscode : UserIdentityType.Username,
    positiveResponseRequested: r.positiveResponseRequested === true,
    primaryField: Buffer.from(r.username, 'utf8'),
    secondaryField: withPasscode ? Buffer.from(r.passcode!, 'utf8') : Buffer.alloc(0),
  };
}

/** Accepts either form: the sub-item as data, or a username/passcode request. */
export function toUserIdentityRq(x: UserIdentityRq | UserIdentityRequest): UserIdentityRq {
  return 'username' in x ? userIdentityRq(x) : x;
}

/** The identity in an A-ASSOCIATE-RQ, or undefined when it carries no User Identity sub-item. */
export function userIdentityOf(rq: AssociateRqPdu): UserIdentity | undefined {
  const u = rq.userInformation.userIdentityRq;
  if (!u) return undefined;
  return {
    type: u.identityType,
    username: u.primaryField.toString('utf8'),
    ...(u.identityType === UserIdentityType.UsernameAndPasscode ? { passcode: u.secondaryField.toString('utf8') } : {}),
    positiveResponseRequested: u.positiveResponseRequested,
  };
}

export interface UserIdentityPolicy {
  check: UserIdentityCheck;
  /** Refuse an A-ASSOCIATE-RQ without a User Identity sub-item. */
  required: boolean;
  /** Longest wait for `check`, ms; past it the identity is refused. */
  timeoutMs: number;
}

/** The outcome: accepted with the AC sub-item's server response (when a positive response was requested), or refused with a reason safe to log. */
export type IdentityDecision = { accepted: true; serverResponse?: Buffer } | { accepted: false; why: string };

/**
 * Checks the identity of an A-ASSOCIATE-RQ against the policy. Never throws
 * and never rejects; `why` names the user and the type, never the passcode.
 * The server response is empty (types 1 and 2 have none, PS3.7 D.3.3.7.2).
 */
export async function decideUserIdentity(rq: AssociateRqPdu, policy: UserIdentityPolicy): Promise<IdentityDecision> {
  const id = userIdentityOf(rq);
  if (!id) return policy.required ? { accepted: false, why: 'no user identity given' } : { accepted: true };
  const who = `${TYPE_NAMES[id.type] ?? `type ${id.type}`} "${id.type <= 2 ? id.username : '…'}"`;
  let timer: NodeJS.Timeout | undefined;
  try {
    const ok = await Promise.race([
      Promise.resolve().then(() => policy.check(id, rq)),
      new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), policy.timeoutMs))),
    ]);
    if (ok === 'timeout') return { accepted: false, why: `user identity ${who}: no decision within ${policy.timeoutMs} ms` };
    if (ok !== true) return { accepted: false, why: `user identity ${who} refused` };
    return id.positiveResponseRequested ? { accepted: true, serverResponse: Buffer.alloc(0) } : { accepted: true };
  } catch (err) {
    // The error's message is the checker's; it must not carry the passcode, so only its name is kept.
    return { accepted: false, why: `user identity ${who}: the check failed (${(err as Error)?.name ?? 'error'})` };
  } finally {
    clearTimeout(timer);
  }
}

/** Users for `userTable`: username → passcode (type 2 must match it), or `true` (type 1, username only, is enough). */
export type UserTable = Readonly<Record<string, string | true>>;

/**
 * A check from a table of users. A username mapped to a passcode needs type 2
 * with that passcode (compared in constant time); one mapped to `true` is
 * accepted with type 1 or 2 whatever the passcode. Types 3–5 are refused.
 */
export function userTable(users: UserTable): UserIdentityCheck {
  const table = new Map(Object.entries(users));
  return (id) => {
    if (id.type !== UserIdentityType.Username && id.type !== UserIdentityType.UsernameAndPasscode) return false;
    const entry = table.get(id.username);
    if (entry === undefined) return false;
    if (entry === true) return true;
    return id.passcode !== undefined && sameSecret(id.passcode, entry);
  };
}

/** Reads a JSON user table (`{ "alice": "s3cret", "bob": true }`). Throws with the file name, never with its content. */
export function loadUserTable(file: string): UserTable {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read user table ${file}: ${(err as NodeJS.ErrnoException).code ?? 'not JSON'}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`user table ${file}: expected a JSON object of username → passcode or true`);
  for (const [k, v] of Object.entries(parsed)) {
    if (v !== true && typeof v !== 'string') throw new Error(`user table ${file}: the entry of "${k}" is neither a passcode string nor true`);
  }
  return parsed as UserTable;
}

/** node:crypto, loaded on first use: only passcode checks need it, and loading it costs every app's start-up ~6 ms. */
const loadCrypto = (): typeof crypto => createRequire(import.meta.url)('node:crypto') as typeof crypto;

/** Equal strings, in time independent of where they differ (both hashed first, so lengths do not leak either). */
function sameSecret(a: string, b: string): boolean {
  const { createHash, timingSafeEqual } = loadCrypto();
  const h = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(h(a), h(b));
}
