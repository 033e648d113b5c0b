import { trimField } from '../../transport/byte-reader.js';
import {
  PcResult, emptyUserInformation,
  type AssociateAcPdu, type AssociateRjPdu, type AssociateRqPdu, type PresentationContextAc, type RoleSelection,
} from '../../transport/pdu-types.js';
import {
  DICOMApplicationContext, ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian, isUncompressed,
} from '../registry/uids.js';

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

export type Negotiation =
  | { accepted: true; ac: AssociateAcPdu; contexts: Map<number, AcceptedContext>; roles: RoleSelection[] }
  | { accepted: false; rj: AssociateRjPdu; why: string };

/** A-ASSOCIATE-RJ values, PS3.8 Table 9-21. */
export const Reject = {
  noReasonGiven: { result: 1, source: 1, reason: 1 },
  applicationContextNotSupported: { result: 1, source: 1, reason: 2 },
  callingAETitleNotRecognized: { result: 1, source: 1, reason: 3 },
  calledAETitleNotRecognized: { result: 1, source: 1, reason: 7 },
  localLimitExceeded: { result: 2, source: 3, reason: 2 },
} as const;

const UNCOMPRESSED_PREFERENCE = [ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian];

/**
 * Acceptor-side ACSE negotiation (PS3.8 §7.1.1, PS3.7 Annex D): checks AE
 * titles (compared without padding, PS3.8 §9.3.2), then gives every proposed
 * presentation context a result (0 accepted, 3 abstract syntax not supported,
 * 4 transfer syntaxes not supported), answers role selection, and builds the
 * A-ASSOCIATE-AC with our Maximum Length and implementation identification.
 * Pure: no I/O.
 */
export function negotiate(rq: AssociateRqPdu, policy: AcceptorPolicy): Negotiation {
  const called = trimField(rq.calledAETitle);
  const calling = trimField(rq.callingAETitle);
  if (trimField(rq.applicationContext) !== DICOMApplicationContext) {
    return reject(Reject.applicationContextNotSupported, `application context ${rq.applicationContext} is not the DICOM one`);
  }
  if (policy.requireCalledAETitle && called !== trimField(policy.aeTitle)) {
    return reject(Reject.calledAETitleNotRecognized, `called AE title "${called}" is not "${policy.aeTitle}"`);
  }
  if (policy.allowedCallingAETitles && !policy.allowedCallingAETitles.map(trimField).includes(calling)) {
    return reject(Reject.callingAETitleNotRecognized, `calling AE title "${calling}" is not allowed`);
  }

  const contexts = new Map<number, AcceptedContext>();
  const results: PresentationContextAc[] = rq.presentationContexts.map((pc) => {
    const abstractSyntax = trimField(pc.abstractSyntax);
    const support = policy.support(abstractSyntax);
    if (!support) return { id: pc.id, result: PcResult.AbstractSyntaxNotSupported, transferSyntax: '' };
    const ts = chooseTransferSyntax(pc.transferSyntaxes.map(trimField), support);
    if (!ts) return { id: pc.id, result: PcResult.TransferSyntaxesNotSupported, transferSyntax: '' };
    contexts.set(pc.id, { id: pc.id, abstractSyntax, transferSyntax: ts });
    return { id: pc.id, result: PcResult.Acceptance, transferSyntax: ts };
  });

  // Role selection, PS3.7 D.3.3.4: the requestor keeps SCU role; SCP role only where we can act as SCU.
  const roles: RoleSelection[] = rq.userInformation.roleSelections.map((r) => ({
    sopClassUid: trimField(r.sopClassUid),
    scuRole: r.scuRole,
    scpRole: r.scpRole === 1 && policy.support(trimField(r.sopClassUid))?.scuRole ? 1 : 0,
  }));

  const ac: AssociateAcPdu = {
    type: 'A-ASSOCIATE-AC',
    protocolVersion: 1,
    calledAETitle: rq.calledAETitle,
    callingAETitle: rq.callingAETitle,
    applicationContext: DICOMApplicationContext,
    presentationContexts: results,
    userInformation: {
      ...emptyUserInformation(),
      maxLength: policy.maxPduLength,
      implementationClassUid: policy.implementationClassUid,
      implementationVersionName: policy.implementationVersionName,
      roleSelections: roles,
    },
  };
  return { accepted: true, ac, contexts, roles };
}

/**
 * Storage keeps the sender's encoding: a proposed encapsulated or deflated
 * syntax wins over uncompressed ones (first proposed first); among
 * uncompressed ones Explicit VR LE, then Implicit VR LE, then Big Endian.
 */
export function chooseTransferSyntax(proposed: readonly string[], support: AbstractSyntaxSupport): string | undefined {
  const acceptable = proposed.filter((ts) => support.acceptsTransferSyntax(ts));
  const keepsEncoding = acceptable.find((ts) => !isUncompressed(ts));
  if (keepsEncoding) return keepsEncoding;
  return UNCOMPRESSED_PREFERENCE.find((ts) => acceptable.includes(ts));
}

function reject(v: { result: number; source: number; reason: number }, why: string): Negotiation {
  return { accepted: false, rj: { type: 'A-ASSOCIATE-RJ', ...v }, why };
}
