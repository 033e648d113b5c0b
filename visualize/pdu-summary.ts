/**
 * One-line summaries and structured details of PDUs for the inspector
 * (`pdu` records, visualize/protocol.ts). Never carries data set values or a
 * User Identity's secondary field (passcode); a user name is not shown either,
 * only the identity type.
 *
 * An A-ASSOCIATE-AC repeats the RQ's AE titles only as reserved fields
 * (PS3.8 §9.3.3: "should not be tested") and names its presentation contexts
 * by ID alone, so the AE titles and abstract syntaxes of an AC summary come
 * from the association's A-ASSOCIATE-RQ.
 */
import type { AssociateRqPdu, Pdu, UserInformation } from '../transport/pdu-types.js';
import { uidName } from '../services/registry/uids.js';
import { abortText, rejectText } from '../transport/pdu-meaning.js';
import { sharedValue } from './wire.js';

/** User Identity types, PS3.7 Table D.3-14. */
const IDENTITY: Record<number, string> = { 1: 'username', 2: 'username+passcode', 3: 'Kerberos', 4: 'SAML', 5: 'JWT' };
/** Presentation context results, PS3.8 Table 9-18. */
const PC_RESULT = ['acceptance', 'user-rejection', 'no-reason (provider rejection)', 'abstract-syntax-not-supported (provider rejection)', 'transfer-syntaxes-not-supported (provider rejection)'];
/** SCP/SCU Role Selection sub-item values, PS3.7 Table D.3-9/D.3-10. */
const roles = (scu: number, scp: number): string => [scu ? 'SCU' : '', scp ? 'SCP' : ''].filter(Boolean).join('+') || 'neither';

/** Names listed in a one-line summary before "+N more"; the detail table always has all of them. */
const NAMES_IN_LINE = 6;

/**
 * Context tables built lately, by what they were built from, with their part of the
 * summary line. A busy SCP sees the same 128 proposed contexts from every peer of one
 * kind: the same (frozen) table object is then reused, and the stream sends it to a page
 * once instead of once per association (wire.ts sharedValue, ~25 KB of JSON per
 * A-ASSOCIATE-RQ and per AC); nor are the 128 names looked up again.
 */
const TABLES_KEPT = 64;
const tables = new Map<string, { rows: readonly object[]; line: string }>();

function contextTable<T extends object>(key: string, build: () => T[], describe: (rows: readonly T[]) => string): { rows: readonly T[]; line: string } {
  let t = tables.get(key) as { rows: readonly T[]; line: string } | undefined;
  if (t) return t;
  const rows = build().map((row) => {
    for (const v of Object.values(row)) if (Array.isArray(v)) Object.freeze(v);
    return Object.freeze(row);
  });
  t = { rows: sharedValue(Object.freeze(rows)), line: describe(rows) };
  tables.set(key, t);
  if (tables.size > TABLES_KEPT) tables.delete(tables.keys().next().value!);
  return t;
}

export interface PduSummary {
  summary: string;
  detail?: Record<string, unknown>;
}

/** What A-ABORT source/reason mean, PS3.8 Table 9-26. */
export function abortWords(source: number, reason: number): string {
  if (source === 0) return 'source service-user (reason not significant)';
  if (source === 2) return `source service-provider, reason ${abortText(2, reason).replace(/^service-provider abort: /, '')}`;
  return `source ${source} (reserved), reason ${reason}`;
}

/** What A-ASSOCIATE-RJ result/source/reason mean, PS3.8 Table 9-21. */
export function rejectWords(result: number, source: number, reason: number): string {
  return rejectText(result, source, reason);
}

/** "CT Image Storage, Verification ×2, … +3 more" (names in first-seen order). */
function nameList(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const shown = [...counts].slice(0, NAMES_IN_LINE).map(([n, k]) => (k > 1 ? `${n} ×${k}` : n));
  const rest = counts.size - shown.length;
  return shown.join(', ') + (rest > 0 ? `, … +${rest} more` : '');
}

function userInfoDetail(ui: UserInformation): Record<string, unknown> {
  return {
    maxLength: ui.maxLength,
    implementationClassUid: ui.implementationClassUid,
    implementationVersionName: ui.implementationVersionName,
    ...(ui.asyncOpsWindow ? { asyncOpsWindow: { ...ui.asyncOpsWindow } } : {}),
    roleSelections: ui.roleSelections.map((r) => ({ sopClass: uidName(r.sopClassUid), roles: roles(r.scuRole, r.scpRole) })),
    ...(ui.sopClassExtended.length ? { extendedNegotiation: ui.sopClassExtended.map((x) => uidName(x.sopClassUid)) } : {}),
  };
}

/** The user-information part of a summary line: Maximum Length, implementation, roles, identity. */
function userInfoLine(ui: UserInformation, identity?: string): string {
  const parts = [`max PDU ${ui.maxLength === undefined ? '?' : ui.maxLength === 0 ? 'unlimited' : ui.maxLength}`];
  const impl = [ui.implementationClassUid, ui.implementationVersionName].filter(Boolean).join(' ');
  if (impl) parts.push(`impl ${impl}`);
  if (ui.roleSelections.length) parts.push(`roles ${ui.roleSelections.map((r) => `${uidName(r.sopClassUid)} ${roles(r.scuRole, r.scpRole)}`).join(', ')}`);
  if (identity) parts.push(identity);
  return parts.join(' · ');
}

function summarizeRq(pdu: AssociateRqPdu): PduSummary {
  const ui = pdu.userInformation;
  const id = ui.userIdentityRq;
  const identity = id ? `user identity ${IDENTITY[id.identityType] ?? `type ${id.identityType}`}${id.positiveResponseRequested ? ' (response requested)' : ''}` : '';
  const pcs = pdu.presentationContexts;
  const { rows: contexts, line } = contextTable(
    `rq;${pcs.map((pc) => `${pc.id}|${pc.abstractSyntax}|${pc.transferSyntaxes.join(',')}`).join(';')}`,
    () =>
      pcs.map((pc) => ({
        id: pc.id,
        abstractSyntax: uidName(pc.abstractSyntax),
        abstractSyntaxUid: pc.abstractSyntax,
        transferSyntaxes: pc.transferSyntaxes.map(uidName),
      })),
    (rows) => `${rows.length} presentation context${rows.length === 1 ? '' : 's'}: ${nameList(rows.map((c) => c.abstractSyntax))}`,
  );
  return {
    summary: `${pdu.callingAETitle} → ${pdu.calledAETitle} · ${line} · ${userInfoLine(ui, identity)}`,
    detail: {
      callingAE: pdu.callingAETitle,
      calledAE: pdu.calledAETitle,
      applicationContext: uidName(pdu.applicationContext),
      contexts,
      ...userInfoDetail(ui),
      ...(id ? { userIdentity: { type: IDENTITY[id.identityType] ?? `type ${id.identityType}`, positiveResponseRequested: id.positiveResponseRequested } } : {}),
    },
  };
}

/** "2 of 3 accepted: CT Image Storage (Explicit VR Little Endian), … · not accepted: abstract-syntax-not-supported ×1". */
function acceptedLine(contexts: readonly { id: number; abstractSyntax: string; result: string; accepted: boolean; transferSyntax: string }[]): string {
  const ok = contexts.filter((c) => c.accepted);
  const refused = new Map<string, number>();
  for (const c of contexts) if (!c.accepted) refused.set(c.result, (refused.get(c.result) ?? 0) + 1);
  const names = ok.length
    ? `: ${ok.slice(0, NAMES_IN_LINE).map((c) => `${c.abstractSyntax || `#${c.id}`} (${c.transferSyntax})`).join(', ')}${ok.length > NAMES_IN_LINE ? `, … +${ok.length - NAMES_IN_LINE} more` : ''}`
    : '';
  const refusedLine = refused.size ? ` · not accepted: ${[...refused].map(([r, k]) => `${r.replace(/ \(provider rejection\)$/, '')} ×${k}`).join(', ')}` : '';
  return `${ok.length} of ${contexts.length} accepted${names}${refusedLine}`;
}

/**
 * A one-line summary and structured details of a PDU for the inspector.
 * `rq` is the association's A-ASSOCIATE-RQ, which gives an A-ASSOCIATE-AC
 * its AE titles and its contexts' abstract syntaxes and proposed transfer syntaxes.
 */
export function summarizePdu(pdu: Pdu, rq?: Pick<AssociateRqPdu, 'presentationContexts' | 'callingAETitle' | 'calledAETitle'>): PduSummary {
  switch (pdu.type) {
    case 'A-ASSOCIATE-RQ':
      return summarizeRq(pdu);
    case 'A-ASSOCIATE-AC': {
      const ui = pdu.userInformation;
      const proposed = new Map(rq?.presentationContexts.map((pc) => [pc.id, pc]) ?? []);
      const key = pdu.presentationContexts.map((pc) => {
        const p = proposed.get(pc.id);
        return `${pc.id}|${pc.result}|${pc.transferSyntax}|${p ? `${p.abstractSyntax}|${p.transferSyntaxes.join(',')}` : '-'}`;
      });
      const { rows: contexts, line } = contextTable(
        `ac;${key.join(';')}`,
        () =>
          pdu.presentationContexts.map((pc) => {
            const p = proposed.get(pc.id);
            return {
              id: pc.id,
              abstractSyntax: p ? uidName(p.abstractSyntax) : '',
              proposed: p ? p.transferSyntaxes.map(uidName) : [],
              result: PC_RESULT[pc.result] ?? `result ${pc.result}`,
              accepted: pc.result === 0,
              transferSyntax: pc.result === 0 ? uidName(pc.transferSyntax) : '',
            };
          }),
        acceptedLine,
      );
      const aes = rq ? `${rq.callingAETitle} → ${rq.calledAETitle} · ` : '';
      return {
        summary: `${aes}${line} · ${userInfoLine(ui, ui.userIdentityAc ? 'user identity accepted (server response)' : '')}`,
        detail: {
          ...(rq ? { callingAE: rq.callingAETitle, calledAE: rq.calledAETitle } : {}),
          applicationContext: uidName(pdu.applicationContext),
          contexts,
          ...userInfoDetail(ui),
          ...(ui.userIdentityAc ? { userIdentityResponse: true } : {}),
        },
      };
    }
    case 'A-ASSOCIATE-RJ':
      return { summary: rejectWords(pdu.result, pdu.source, pdu.reason), detail: { result: pdu.result, source: pdu.source, reason: pdu.reason } };
    case 'A-ABORT':
      return { summary: abortWords(pdu.source, pdu.reason), detail: { source: pdu.source, reason: pdu.reason } };
    case 'P-DATA-TF':
      return { summary: `${pdu.pdvs.length} PDV${pdu.pdvs.length === 1 ? '' : 's'}` };
    case 'A-RELEASE-RQ':
      return { summary: 'release request' };
    case 'A-RELEASE-RP':
      return { summary: 'release response' };
  }
}
