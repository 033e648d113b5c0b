import type { AssociateRqPdu, UserIdentityRq } from '../../transport/pdu-types.js';
/** User Identity Type, PS3.7 Table D.3-14. */
export declare const UserIdentityType: {
    readonly Username: 1;
    readonly UsernameAndPasscode: 2;
    readonly Kerberos: 3;
    readonly Saml: 4;
    readonly Jwt: 5;
};
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
export declare function userIdentityRq(r: UserIdentityRequest): UserIdentityRq;
/** Accepts either form: the sub-item as data, or a username/passcode request. */
export declare function toUserIdentityRq(x: UserIdentityRq | UserIdentityRequest): UserIdentityRq;
/** The identity in an A-ASSOCIATE-RQ, or undefined when it carries no User Identity sub-item. */
export declare function userIdentityOf(rq: AssociateRqPdu): UserIdentity | undefined;
export interface UserIdentityPolicy {
    check: UserIdentityCheck;
    /** Refuse an A-ASSOCIATE-RQ without a User Identity sub-item. */
    required: boolean;
    /** Longest wait for `check`, ms; past it the identity is refused. */
    timeoutMs: number;
}
/** The outcome: accepted with the AC sub-item's server response (when a positive response was requested), or refused with a reason safe to log. */
export type IdentityDecision = {
    accepted: true;
    serverResponse?: Buffer;
} | {
    accepted: false;
    why: string;
};
/**
 * Checks the identity of an A-ASSOCIATE-RQ against the policy. Never throws
 * and never rejects; `why` names the user and the type, never the passcode.
 * The server response is empty (types 1 and 2 have none, PS3.7 D.3.3.7.2).
 */
export declare function decideUserIdentity(rq: AssociateRqPdu, policy: UserIdentityPolicy): Promise<IdentityDecision>;
/** Users for `userTable`: username → passcode (type 2 must match it), or `true` (type 1, username only, is enough). */
export type UserTable = Readonly<Record<string, string | true>>;
/**
 * A check from a table of users. A username mapped to a passcode needs type 2
 * with that passcode (compared in constant time); one mapped to `true` is
 * accepted with type 1 or 2 whatever the passcode. Types 3–5 are refused.
 */
export declare function userTable(users: UserTable): UserIdentityCheck;
/** Reads a JSON user table (`{ "alice": "s3cret", "bob": true }`). Throws with the file name, never with its content. */
export declare function loadUserTable(file: string): UserTable;
