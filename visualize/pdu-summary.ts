import type { Pdu } from '../transport/pdu-types.js';
import { uidName } from '../services/registry/uids.js';
import { abortText, rejectText } from '../transport/pdu-meaning.js';

/** User Identity types, PS3.7 Table D.3-14. The passcode (secondary field) is never shown. */
const IDENTITY = ['', 'username', 'username+passcode', 'Kerberos', 'SAML', 'JWT'];
const PC_RESULT = ['accepted', 'user-rejection', 'no-reason', 'abstract-syntax-not-supported', 'transfer-syntaxes-not-supported'];

/**
 * A one-line summary and structured details of a PDU for the inspector.
 * Never carries data set values or passwords. `rq` is the association's
 * A-ASSOCIATE-RQ, which names the abstract syntaxes an A-ASSOCIATE-AC only
 * refers to by presentation context ID.
 */
export function summarizePdu(pdu: Pdu, rq?: { presentationContexts: { id: number; abstractSyntax: string }[] }): { summary: string; detail?: Record<string, unknown> } {
  switch (pdu.type) {
    case 'A-ASSOCIATE-RQ': {
      const ui = pdu.userInformation;
      const contexts = pdu.presentationContexts.map((pc) => ({ id: pc.id, abstractSyntax: uidName(pc.abstractSyntax), transferSyntaxes: pc.transferSyntaxes.map(uidName) }));
      return {
        summary: `${pdu.callingAETitle} → ${pdu.calledAETitle}, ${contexts.length} presentation context(s), max PDU ${ui.maxLength ?? '?'}`,
        detail: {
          callingAE: pdu.callingAETitle, calledAE: pdu.calledAETitle, contexts, maxLength: ui.maxLength,
          implementationClassUid: ui.implementationClassUid, implementationVersionName: ui.implementationVersionName,
          roleSelections: ui.roleSelections.map((r) => ({ sopClass: uidName(r.sopClassUid), scu: r.scuRole, scp: r.scpRole })),
          ...(ui.userIdentityRq ? { userIdentity: IDENTITY[ui.userIdentityRq.identityType] ?? String(ui.userIdentityRq.identityType) } : {}),
        },
      };
    }
    case 'A-ASSOCIATE-AC': {
      const ui = pdu.userInformation;
      const names = new Map(rq?.presentationContexts.map((pc) => [pc.id, uidName(pc.abstractSyntax)]) ?? []);
      const contexts = pdu.presentationContexts.map((pc) => ({
        id: pc.id, abstractSyntax: names.get(pc.id) ?? '', result: PC_RESULT[pc.result] ?? String(pc.result),
        transferSyntax: pc.result === 0 ? uidName(pc.transferSyntax) : '',
      }));
      const accepted = contexts.filter((c) => c.result === 'accepted').length;
      return {
        summary: `${accepted} of ${contexts.length} presentation context(s) accepted, max PDU ${ui.maxLength ?? '?'}`,
        detail: { contexts, maxLength: ui.maxLength, implementationClassUid: ui.implementationClassUid, implementationVersionName: ui.implementationVersionName,
          roleSelections: ui.roleSelections.map((r) => ({ sopClass: uidName(r.sopClassUid), scu: r.scuRole, scp: r.scpRole })) },
      };
    }
    case 'A-ASSOCIATE-RJ':
      return { summary: rejectText(pdu.result, pdu.source, pdu.reason), detail: { result: pdu.result, source: pdu.source, reason: pdu.reason } };
    case 'A-ABORT':
      return { summary: abortText(pdu.source, pdu.reason), detail: { source: pdu.source, reason: pdu.reason } };
    case 'P-DATA-TF':
      return { summary: `${pdu.pdvs.length} PDV(s)` };
    default:
      return { summary: pdu.type };
  }
}
