/**
 * Scripted inspector records for the page test: what the association code
 * publishes for a few typical associations, in the order it publishes them.
 */
import type { ActionId, EventId, StateId } from '../../machines/upper-layer/state-table.js';
import type { RecordBody } from '../../visualize/protocol.js';

const t = (assoc: string, from: StateId, to: StateId, evt: EventId, ...acts: ActionId[]): RecordBody => ({ kind: 'transition', assoc, from, to, evt, acts });

/** assoc-1: an acceptor that reached Sta6 and is storing (stays live). Published before the page opens. */
export function acceptorToSta6(): RecordBody[] {
  const a = 'assoc-1';
  const out: RecordBody[] = [
    { kind: 'actor', assoc: a, role: 'acceptor', status: 'active', peer: '10.0.0.21:50412' },
    t(a, 'Sta1', 'Sta2', 'Evt5', 'AE-5'),
    {
      kind: 'pdu', assoc: a, dir: 'in', pduType: 'A-ASSOCIATE-RQ', len: 205,
      summary: 'CT_SCANNER_2 → NETDICOM_SCP · 2 presentation contexts · max PDU 16384',
      detail: { callingAE: 'CT_SCANNER_2', calledAE: 'NETDICOM_SCP', maxLength: 16384 },
    },
    t(a, 'Sta2', 'Sta3', 'Evt6', 'AE-6'),
    t(a, 'Sta3', 'Sta6', 'Evt7', 'AE-7'),
    { kind: 'pdu', assoc: a, dir: 'out', pduType: 'A-ASSOCIATE-AC', len: 182, summary: '2 of 2 contexts accepted · max PDU 1048576' },
    { kind: 'dimse', assoc: a, dir: 'in', command: 'C-ECHO-RQ', messageId: 1, sopClass: 'Verification', summary: '' },
    { kind: 'dimse', assoc: a, dir: 'out', command: 'C-ECHO-RSP', messageId: 1, sopClass: 'Verification', status: '0000 Success', summary: '' },
    { kind: 'dimse', assoc: a, dir: 'in', command: 'C-STORE-RQ', messageId: 2, sopClass: 'CT Image Storage', datasetBytes: 524_416, summary: 'priority MEDIUM' },
  ];
  for (let i = 0; i < 8; i++) {
    out.push({ kind: 'pdu', assoc: a, dir: 'in', pduType: 'P-DATA-TF', len: 65_542, summary: '1 PDV' });
    out.push(t(a, 'Sta6', 'Sta6', 'Evt10', 'DT-2'));
  }
  out.push({ kind: 'dimse', assoc: a, dir: 'out', command: 'C-STORE-RSP', messageId: 2, sopClass: 'CT Image Storage', status: '0000 Success', summary: '' });
  out.push({ kind: 'dimse', assoc: a, dir: 'in', command: 'C-STORE-RQ', messageId: 3, sopClass: 'CT Image Storage', datasetBytes: 524_416, summary: 'priority MEDIUM' });
  out.push({ kind: 'stats', assoc: a, pdus: 8, bytes: 524_336 });
  return out;
}

/** assoc-2: a requestor that queries and releases normally (ends in Sta1). Published while the page watches. */
export function requestorFindAndRelease(): RecordBody[] {
  const a = 'assoc-2';
  return [
    { kind: 'actor', assoc: a, role: 'requestor', status: 'active', peer: '10.0.0.5:104', callingAE: 'NETDICOM', calledAE: 'PACS_MAIN' },
    t(a, 'Sta1', 'Sta4', 'Evt1', 'AE-1'),
    t(a, 'Sta4', 'Sta5', 'Evt2', 'AE-2'),
    { kind: 'pdu', assoc: a, dir: 'out', pduType: 'A-ASSOCIATE-RQ', len: 211, summary: 'NETDICOM → PACS_MAIN · 1 presentation context · max PDU 1048576' },
    { kind: 'pdu', assoc: a, dir: 'in', pduType: 'A-ASSOCIATE-AC', len: 187, summary: '1 of 1 context accepted · max PDU 16384' },
    t(a, 'Sta5', 'Sta6', 'Evt3', 'AE-3'),
    { kind: 'dimse', assoc: a, dir: 'out', command: 'C-FIND-RQ', messageId: 1, sopClass: 'Study Root Q/R FIND', datasetBytes: 212, summary: 'QueryRetrieveLevel STUDY' },
    { kind: 'dimse', assoc: a, dir: 'in', command: 'C-FIND-RSP', messageId: 1, status: 'FF00 Pending', datasetBytes: 388, summary: '' },
    { kind: 'dimse', assoc: a, dir: 'in', command: 'C-FIND-RSP', messageId: 1, status: 'FF00 Pending', datasetBytes: 402, summary: '' },
    { kind: 'dimse', assoc: a, dir: 'in', command: 'C-FIND-RSP', messageId: 1, status: '0000 Success', summary: '2 matches' },
    t(a, 'Sta6', 'Sta7', 'Evt11', 'AR-1'),
    { kind: 'pdu', assoc: a, dir: 'out', pduType: 'A-RELEASE-RQ', len: 10, summary: '' },
    { kind: 'pdu', assoc: a, dir: 'in', pduType: 'A-RELEASE-RP', len: 10, summary: '' },
    t(a, 'Sta7', 'Sta1', 'Evt13', 'AR-3'),
    { kind: 'actor', assoc: a, role: 'requestor', status: 'done', peer: '10.0.0.5:104', ending: 'release', bytesIn: 1_587, bytesOut: 633, dimseMessages: 5 },
  ];
}

/** assoc-3 (rejected, ends in Sta1) and assoc-4 (live in Sta6): context for the screenshot. */
export function bystanders(): RecordBody[] {
  return [
    { kind: 'actor', assoc: 'assoc-3', role: 'acceptor', status: 'active', peer: '10.0.0.77:40022' },
    t('assoc-3', 'Sta1', 'Sta2', 'Evt5', 'AE-5'),
    { kind: 'pdu', assoc: 'assoc-3', dir: 'in', pduType: 'A-ASSOCIATE-RQ', len: 190, summary: 'UNKNOWN_AE → NETDICOM_SCP', detail: { callingAE: 'UNKNOWN_AE', calledAE: 'NETDICOM_SCP' } },
    t('assoc-3', 'Sta2', 'Sta13', 'Evt6', 'AE-6'),
    { kind: 'pdu', assoc: 'assoc-3', dir: 'out', pduType: 'A-ASSOCIATE-RJ', len: 10, summary: 'rejected-permanent · service-user · calling AE title not recognized' },
    t('assoc-3', 'Sta13', 'Sta1', 'Evt17', 'AR-5'),
    { kind: 'actor', assoc: 'assoc-3', role: 'acceptor', status: 'done', peer: '10.0.0.77:40022', ending: 'A-ASSOCIATE-RJ calling AE title not recognized' },
    { kind: 'actor', assoc: 'assoc-4', role: 'acceptor', status: 'active', peer: '10.0.0.22:50877', callingAE: 'MR_3T', calledAE: 'NETDICOM_SCP' },
    t('assoc-4', 'Sta1', 'Sta2', 'Evt5', 'AE-5'),
    t('assoc-4', 'Sta2', 'Sta3', 'Evt6', 'AE-6'),
    t('assoc-4', 'Sta3', 'Sta6', 'Evt7', 'AE-7'),
    { kind: 'stats', assoc: 'assoc-4', pdus: 120, bytes: 7_864_320 },
  ];
}
