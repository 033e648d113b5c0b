import { type AssociateAcPdu, type AssociateRjPdu, type AssociateRqPdu, type RoleSelection } from '../../transport/pdu-types.js';
/** What the acceptor supports for one abstract syntax. */
export interface AbstractSyntaxSupport {
    /** True when this transfer syntax may be accepted for it. */
    acceptsTransferSyntax(ts: string): boolean;
    /** True when, for it, we may act as SCU while the requestor is SCP (C-GET storage sub-operations). */
    scuRole?: boolean;
}
export interface AcceptorPolicy {
    aeTitle: string;
    /** Reject a called AE title other than ours (otherwise any is accepted). */
    requireCalledAETitle: boolean;
    /** When set, only these calling AE titles may associate. */
    allowedCallingAETitles?: readonly string[];
    /** Support for an abstract syntax, or undefined when it is not served. */
    support(abstractSyntax: string): AbstractSyntaxSupport | undefined;
    /** Our Maximum Length, bytes (PS3.8 Annex D.1). */
    maxPduLength: number;
    implementationClassUid: string;
    implementationVersionName: string;
}
/** An accepted presentation context. */
export interface AcceptedContext {
    id: number;
    abstractSyntax: string;
    transferSyntax: string;
}
export type Negotiation = {
    accepted: true;
    ac: AssociateAcPdu;
    contexts: Map<number, AcceptedContext>;
    roles: RoleSelection[];
} | {
    accepted: false;
    rj: AssociateRjPdu;
    why: string;
};
/** A-ASSOCIATE-RJ values, PS3.8 Table 9-21. */
export declare const Reject: {
    readonly noReasonGiven: {
        readonly result: 1;
        readonly source: 1;
        readonly reason: 1;
    };
    readonly applicationContextNotSupported: {
        readonly result: 1;
        readonly source: 1;
        readonly reason: 2;
    };
    readonly callingAETitleNotRecognized: {
        readonly result: 1;
        readonly source: 1;
        readonly reason: 3;
    };
    readonly calledAETitleNotRecognized: {
        readonly result: 1;
        readonly source: 1;
        readonly reason: 7;
    };
    readonly localLimitExceeded: {
        readonly result: 2;
        readonly source: 3;
        readonly reason: 2;
    };
};
/**
 * Acceptor-side ACSE negotiation (PS3.8 §7.1.1, PS3.7 Annex D): checks AE
 * titles (compared without padding, PS3.8 §9.3.2), then gives every proposed
 * presentation context a result (0 accepted, 3 abstract syntax not supported,
 * 4 transfer syntaxes not supported), answers role selection, and builds the
 * A-ASSOCIATE-AC with our Maximum Length and implementation identification.
 * Pure: no I/O.
 */
export declare function negotiate(rq: AssociateRqPdu, policy: AcceptorPolicy): Negotiation;
/**
 * Storage keeps the sender's encoding: a proposed encapsulated or deflated
 * syntax wins over uncompressed ones (first proposed first); among
 * uncompressed ones Explicit VR LE, then Implicit VR LE, then Big Endian.
 */
export declare function chooseTransferSyntax(proposed: readonly string[], support: AbstractSyntaxSupport): string | undefined;
