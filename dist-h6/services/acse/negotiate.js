import { trimField } from '../../transport/byte-reader.js';
import { PcResult, emptyUserInformation, } from '../../transport/pdu-types.js';
import { DICOMApplicationContext, ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian, isUncompressed, } from '../registry/uids.js';
/** A-ASSOCIATE-RJ values, PS3.8 Table 9-21. */
export const Reject = {
    noReasonGiven: { result: 1, source: 1, reason: 1 },
    applicationContextNotSupported: { result: 1, source: 1, reason: 2 },
    callingAETitleNotRecognized: { result: 1, source: 1, reason: 3 },
    calledAETitleNotRecognized: { result: 1, source: 1, reason: 7 },
    localLimitExceeded: { result: 2, source: 3, reason: 2 },
};
const UNCOMPRESSED_PREFERENCE = [ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian];
/**
 * Acceptor-side ACSE negotiation (PS3.8 §7.1.1, PS3.7 Annex D): checks AE
 * titles (compared without padding, PS3.8 §9.3.2), then gives every proposed
 * presentation context a result (0 accepted, 3 abstract syntax not supported,
 * 4 transfer syntaxes not supported), answers role selection, and builds the
 * A-ASSOCIATE-AC with our Maximum Length and implementation identification.
 * Pure: no I/O.
 */
export function negotiate(rq, policy) {
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
    const contexts = new Map();
    const results = rq.presentationContexts.map((pc) => {
        const abstractSyntax = trimField(pc.abstractSyntax);
        const support = policy.support(abstractSyntax);
        if (!support)
            return { id: pc.id, result: PcResult.AbstractSyntaxNotSupported, transferSyntax: '' };
        const ts = chooseTransferSyntax(pc.transferSyntaxes.map(trimField), support);
        if (!ts)
            return { id: pc.id, result: PcResult.TransferSyntaxesNotSupported, transferSyntax: '' };
        contexts.set(pc.id, { id: pc.id, abstractSyntax, transferSyntax: ts });
        return { id: pc.id, result: PcResult.Acceptance, transferSyntax: ts };
    });
    // Role selection, PS3.7 D.3.3.4: the requestor keeps SCU role; SCP role only where we can act as SCU.
    const roles = rq.userInformation.roleSelections.map((r) => ({
        sopClassUid: trimField(r.sopClassUid),
        scuRole: r.scuRole,
        scpRole: r.scpRole === 1 && policy.support(trimField(r.sopClassUid))?.scuRole ? 1 : 0,
    }));
    const ac = {
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
export function chooseTransferSyntax(proposed, support) {
    const acceptable = proposed.filter((ts) => support.acceptsTransferSyntax(ts));
    const keepsEncoding = acceptable.find((ts) => !isUncompressed(ts));
    if (keepsEncoding)
        return keepsEncoding;
    return UNCOMPRESSED_PREFERENCE.find((ts) => acceptable.includes(ts));
}
function reject(v, why) {
    return { accepted: false, rj: { type: 'A-ASSOCIATE-RJ', ...v }, why };
}
//# sourceMappingURL=negotiate.js.map