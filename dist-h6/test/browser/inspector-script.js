const t = (assoc, from, to, evt, ...acts) => ({ kind: 'transition', assoc, from, to, evt, acts });
const CT = 'CT Image Storage';
const ELE = 'Explicit VR Little Endian';
const ILE = 'Implicit VR Little Endian';
function rq(assoc, dir, calling, called) {
    return {
        kind: 'pdu', assoc, dir, pduType: 'A-ASSOCIATE-RQ', len: 205,
        summary: `${calling} → ${called} · 2 presentation contexts: Verification SOP Class, ${CT} · max PDU 16384 · impl 1.2.276.0.7230010.3.0.3.6.7 OFFIS_DCMTK_367`,
        detail: {
            callingAE: calling, calledAE: called, applicationContext: 'DICOM Application Context Name',
            contexts: [
                { id: 1, abstractSyntax: 'Verification SOP Class', abstractSyntaxUid: '1.2.840.10008.1.1', transferSyntaxes: [ELE, ILE] },
                { id: 3, abstractSyntax: CT, abstractSyntaxUid: '1.2.840.10008.5.1.4.1.1.2', transferSyntaxes: [ELE] },
            ],
            maxLength: 16384, implementationClassUid: '1.2.276.0.7230010.3.0.3.6.7', implementationVersionName: 'OFFIS_DCMTK_367', roleSelections: [],
        },
    };
}
function ac(assoc, dir, calling, called) {
    return {
        kind: 'pdu', assoc, dir, pduType: 'A-ASSOCIATE-AC', len: 182,
        summary: `${calling} → ${called} · 2 of 2 accepted: Verification SOP Class (${ILE}), ${CT} (${ELE}) · max PDU 1048576`,
        detail: {
            callingAE: calling, calledAE: called, applicationContext: 'DICOM Application Context Name',
            contexts: [
                { id: 1, abstractSyntax: 'Verification SOP Class', proposed: [ELE, ILE], result: 'acceptance', accepted: true, transferSyntax: ILE },
                { id: 3, abstractSyntax: CT, proposed: [ELE], result: 'acceptance', accepted: true, transferSyntax: ELE },
            ],
            maxLength: 1048576, roleSelections: [],
        },
    };
}
/** assoc-1: an acceptor that reached Sta6 and is storing (stays live). Published before the page opens. */
export function acceptorToSta6() {
    const a = 'assoc-1';
    return [
        { kind: 'actor', assoc: a, role: 'acceptor', status: 'active', peer: '10.0.0.21:50412' },
        t(a, 'Sta1', 'Sta2', 'Evt5', 'AE-5'),
        { kind: 'actor', assoc: a, role: 'acceptor', status: 'active', peer: '10.0.0.21:50412', callingAE: 'CT_SCANNER_2', calledAE: 'NETDICOM_SCP' },
        rq(a, 'in', 'CT_SCANNER_2', 'NETDICOM_SCP'),
        t(a, 'Sta2', 'Sta3', 'Evt6', 'AE-6'),
        ac(a, 'out', 'CT_SCANNER_2', 'NETDICOM_SCP'),
        t(a, 'Sta3', 'Sta6', 'Evt7', 'AE-7'),
        { kind: 'dimse', assoc: a, dir: 'in', command: 'C-ECHO-RQ', messageId: 1, sopClass: 'Verification SOP Class', pdus: 1, pduBytes: 80, summary: '' },
        { kind: 'dimse', assoc: a, dir: 'out', command: 'C-ECHO-RSP', messageId: 1, sopClass: 'Verification SOP Class', status: '0000 Success', pdus: 1, pduBytes: 90, summary: 'responds to #1' },
        { kind: 'dimse', assoc: a, dir: 'in', command: 'C-STORE-RQ', messageId: 2, sopClass: CT, datasetBytes: 524_416, pdus: 9, pduBytes: 524_640, summary: 'priority MEDIUM' },
        { kind: 'dimse', assoc: a, dir: 'out', command: 'C-STORE-RSP', messageId: 2, sopClass: CT, status: '0000 Success', pdus: 1, pduBytes: 154, summary: 'responds to #2' },
        { kind: 'stats', assoc: a, pdus: 12, bytes: 524_964 },
        // the next C-STORE-RQ is still arriving
        { kind: 'stats', assoc: a, pdus: 4, bytes: 262_168 },
    ];
}
/** assoc-2: a requestor that queries and releases normally (ends in Sta1). Published while the page watches. */
export function requestorFindAndRelease() {
    const a = 'assoc-2';
    const find = 'Study Root Query/Retrieve Information Model - FIND';
    return [
        { kind: 'actor', assoc: a, role: 'requestor', status: 'active', peer: '' },
        t(a, 'Sta1', 'Sta4', 'Evt1', 'AE-1'),
        { kind: 'actor', assoc: a, role: 'requestor', status: 'active', peer: '10.0.0.5:104', callingAE: 'NETDICOM', calledAE: 'PACS_MAIN' },
        rq(a, 'out', 'NETDICOM', 'PACS_MAIN'),
        t(a, 'Sta4', 'Sta5', 'Evt2', 'AE-2'),
        ac(a, 'in', 'NETDICOM', 'PACS_MAIN'),
        t(a, 'Sta5', 'Sta6', 'Evt3', 'AE-3'),
        { kind: 'dimse', assoc: a, dir: 'out', command: 'C-FIND-RQ', messageId: 1, sopClass: find, datasetBytes: 212, pdus: 2, pduBytes: 318, summary: 'priority MEDIUM' },
        { kind: 'dimse', assoc: a, dir: 'in', command: 'C-FIND-RSP', messageId: 1, sopClass: find, status: 'ff00 Pending', datasetBytes: 388, pdus: 2, pduBytes: 520, summary: 'responds to #1' },
        { kind: 'dimse', assoc: a, dir: 'in', command: 'C-FIND-RSP', messageId: 1, sopClass: find, status: 'ff00 Pending', datasetBytes: 402, pdus: 2, pduBytes: 534, summary: 'responds to #1' },
        { kind: 'dimse', assoc: a, dir: 'in', command: 'C-FIND-RSP', messageId: 1, sopClass: find, status: '0000 Success', pdus: 1, pduBytes: 110, summary: 'responds to #1' },
        t(a, 'Sta6', 'Sta7', 'Evt11', 'AR-1'),
        { kind: 'pdu', assoc: a, dir: 'out', pduType: 'A-RELEASE-RQ', len: 10, summary: 'release request' },
        { kind: 'pdu', assoc: a, dir: 'in', pduType: 'A-RELEASE-RP', len: 10, summary: 'release response' },
        t(a, 'Sta7', 'Sta1', 'Evt13', 'AR-3'),
        { kind: 'actor', assoc: a, role: 'requestor', status: 'done', peer: '10.0.0.5:104', ending: 'release', callingAE: 'NETDICOM', calledAE: 'PACS_MAIN', bytesIn: 1_361, bytesOut: 543, dimseMessages: 4 },
    ];
}
/** assoc-3 (rejected), assoc-4 (live in Sta6), assoc-5 (aborted): context for the screenshot. */
export function bystanders() {
    return [
        { kind: 'actor', assoc: 'assoc-3', role: 'acceptor', status: 'active', peer: '10.0.0.77:40022' },
        t('assoc-3', 'Sta1', 'Sta2', 'Evt5', 'AE-5'),
        { kind: 'actor', assoc: 'assoc-3', role: 'acceptor', status: 'active', peer: '10.0.0.77:40022', callingAE: 'UNKNOWN_AE', calledAE: 'NETDICOM_SCP' },
        rq('assoc-3', 'in', 'UNKNOWN_AE', 'NETDICOM_SCP'),
        t('assoc-3', 'Sta2', 'Sta3', 'Evt6', 'AE-6'),
        { kind: 'pdu', assoc: 'assoc-3', dir: 'out', pduType: 'A-ASSOCIATE-RJ', len: 10, summary: 'rejected-permanent, service-user, calling-AE-title-not-recognized', detail: { result: 1, source: 1, reason: 3 } },
        t('assoc-3', 'Sta3', 'Sta13', 'Evt8', 'AE-8'),
        t('assoc-3', 'Sta13', 'Sta1', 'Evt17', 'AR-5'),
        {
            kind: 'actor', assoc: 'assoc-3', role: 'acceptor', status: 'done', peer: '10.0.0.77:40022', callingAE: 'UNKNOWN_AE', calledAE: 'NETDICOM_SCP',
            ending: 'A-ASSOCIATE-RJ sent: rejected-permanent, service-user, calling-AE-title-not-recognized', bytesIn: 205, bytesOut: 10, dimseMessages: 0,
        },
        { kind: 'actor', assoc: 'assoc-4', role: 'acceptor', status: 'active', peer: '10.0.0.22:50877' },
        t('assoc-4', 'Sta1', 'Sta2', 'Evt5', 'AE-5'),
        { kind: 'actor', assoc: 'assoc-4', role: 'acceptor', status: 'active', peer: '10.0.0.22:50877', callingAE: 'MR_3T', calledAE: 'NETDICOM_SCP' },
        t('assoc-4', 'Sta2', 'Sta3', 'Evt6', 'AE-6'),
        t('assoc-4', 'Sta3', 'Sta6', 'Evt7', 'AE-7'),
        { kind: 'stats', assoc: 'assoc-4', pdus: 120, bytes: 7_864_320 },
        { kind: 'actor', assoc: 'assoc-5', role: 'acceptor', status: 'active', peer: '10.0.0.23:41000' },
        t('assoc-5', 'Sta1', 'Sta2', 'Evt5', 'AE-5'),
        { kind: 'actor', assoc: 'assoc-5', role: 'acceptor', status: 'active', peer: '10.0.0.23:41000', callingAE: 'US_CART', calledAE: 'NETDICOM_SCP' },
        t('assoc-5', 'Sta2', 'Sta3', 'Evt6', 'AE-6'),
        t('assoc-5', 'Sta3', 'Sta6', 'Evt7', 'AE-7'),
        { kind: 'pdu', assoc: 'assoc-5', dir: 'in', pduType: 'A-ABORT', len: 10, summary: 'source service-user (reason not significant)', detail: { source: 0, reason: 0 } },
        t('assoc-5', 'Sta6', 'Sta1', 'Evt16', 'AA-3'),
        {
            kind: 'actor', assoc: 'assoc-5', role: 'acceptor', status: 'done', peer: '10.0.0.23:41000', callingAE: 'US_CART', calledAE: 'NETDICOM_SCP',
            ending: 'A-ABORT received: source service-user (reason not significant)', bytesIn: 420, bytesOut: 214, dimseMessages: 0,
        },
    ];
}
/** Old-style P-DATA reporting (one record per P-DATA-TF PDU and DT-2 cell): still folded into one line. */
export function pduByPdu(assoc) {
    const out = [];
    for (let i = 0; i < 8; i++) {
        out.push({ kind: 'pdu', assoc, dir: 'in', pduType: 'P-DATA-TF', len: 65_542, summary: '1 PDV' });
        out.push(t(assoc, 'Sta6', 'Sta6', 'Evt10', 'DT-2'));
    }
    return out;
}
//# sourceMappingURL=inspector-script.js.map