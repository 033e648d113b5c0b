import type { Pdu } from '../transport/pdu-types.js';
import { uidName } from '../services/registry/uids.js';

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

/** PS3.8 Table 9-21. */
export function rejectText(result: number, source: number, reason: number): string {
  const r = result === 1 ? 'rejected-permanent' : result === 2 ? 'rejected-transient' : `result ${result}`;
  const reasons: Record<number, Record<number, string>> = {
    1: { 1: 'no-reason-given', 2: 'application-context-name-not-supported', 3: 'calling-AE-title-not-recognized', 7: 'called-AE-title-not-recognized' },
    2: { 1: 'no-reason-given', 2: 'protocol-version-not-supported' },
    3: { 1: 'temporary-congestion', 2: 'local-limit-exceeded' },
  };
  const s = ['', 'service-user', 'service-provider (ACSE)', 'service-provider (presentation)'][source] ?? `source ${source}`;
  return `${r}, ${s}, ${reasons[source]?.[reason] ?? `reason ${reason}`}`;
}

/** PS3.8 Table 9-26. */
export function abortText(source: number, reason: number): string {
  if (source === 0) return 'service-user abort';
  const reasons = ['reason-not-specified', 'unrecognized-PDU', 'unexpected-PDU', 'reserved', 'unrecognized-PDU-parameter', 'unexpected-PDU-parameter', 'invalid-PDU-parameter-value'];
  return `service-provider abort: ${reasons[reason] ?? `reason ${reason}`}`;
}
