/**
 * The DICOM Upper Layer protocol state machine as data: PS3.8 §9.2,
 * states (Table 9-1..9-5 wording), events (Table 9-10 rows), actions
 * (Tables 9-6..9-9) and the 123 defined cells of Table 9-10.
 *
 * This file holds data only. `machine.ts` turns it into one XState machine per
 * association and `visualize/` draws the diagram from it, so the machine, the
 * diagram and the table cannot drift apart.
 */
export const STATE_IDS = [
    'Sta1', 'Sta2', 'Sta3', 'Sta4', 'Sta5', 'Sta6', 'Sta7',
    'Sta8', 'Sta9', 'Sta10', 'Sta11', 'Sta12', 'Sta13',
];
export const EVENT_IDS = [
    'Evt1', 'Evt2', 'Evt3', 'Evt4', 'Evt5', 'Evt6', 'Evt7', 'Evt8', 'Evt9', 'Evt10',
    'Evt11', 'Evt12', 'Evt13', 'Evt14', 'Evt15', 'Evt16', 'Evt17', 'Evt18', 'Evt19',
];
export const ACTION_IDS = [
    'AE-1', 'AE-2', 'AE-3', 'AE-4', 'AE-5', 'AE-6', 'AE-7', 'AE-8',
    'DT-1', 'DT-2',
    'AR-1', 'AR-2', 'AR-3', 'AR-4', 'AR-5', 'AR-6', 'AR-7', 'AR-8', 'AR-9', 'AR-10',
    'AA-1', 'AA-2', 'AA-3', 'AA-4', 'AA-5', 'AA-6', 'AA-7', 'AA-8',
];
/** One-line meaning of each state, PS3.8 Tables 9-1..9-5. */
export const STATES = {
    Sta1: 'Idle',
    Sta2: 'Transport connection open (awaiting A-ASSOCIATE-RQ PDU)',
    Sta3: 'Awaiting local A-ASSOCIATE response primitive',
    Sta4: 'Awaiting transport connection opening to complete',
    Sta5: 'Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU',
    Sta6: 'Association established and ready for data transfer',
    Sta7: 'Awaiting A-RELEASE-RP PDU',
    Sta8: 'Awaiting local A-RELEASE response primitive',
    Sta9: 'Release collision requestor side; awaiting A-RELEASE response',
    Sta10: 'Release collision acceptor side; awaiting A-RELEASE-RP PDU',
    Sta11: 'Release collision requestor side; awaiting A-RELEASE-RP PDU',
    Sta12: 'Release collision acceptor side; awaiting A-RELEASE response primitive',
    Sta13: 'Awaiting Transport Connection Close Indication (association no longer exists)',
};
/** One-line meaning of each event, PS3.8 Table 9-10 rows. */
export const EVENTS = {
    Evt1: 'A-ASSOCIATE request (local user)',
    Evt2: 'Transport connect confirmation (local transport service)',
    Evt3: 'A-ASSOCIATE-AC PDU (received on transport connection)',
    Evt4: 'A-ASSOCIATE-RJ PDU (received on transport connection)',
    Evt5: 'Transport connection indication (local transport service)',
    Evt6: 'A-ASSOCIATE-RQ PDU (received on transport connection)',
    Evt7: 'A-ASSOCIATE response primitive (accept)',
    Evt8: 'A-ASSOCIATE response primitive (reject)',
    Evt9: 'P-DATA request primitive',
    Evt10: 'P-DATA-TF PDU (received on transport connection)',
    Evt11: 'A-RELEASE request primitive',
    Evt12: 'A-RELEASE-RQ PDU (received on transport connection)',
    Evt13: 'A-RELEASE-RP PDU (received on transport connection)',
    Evt14: 'A-RELEASE response primitive',
    Evt15: 'A-ABORT request primitive',
    Evt16: 'A-ABORT PDU (received on transport connection)',
    Evt17: 'Transport connection closed indication (local transport service)',
    Evt18: 'ARTIM timer expired (Association reject/release timer)',
    Evt19: 'Unrecognized or invalid PDU received',
};
/**
 * Events that are local primitives (issued by the local user or the local
 * transport service). A local primitive with no cell in the current state is
 * refused; a PDU event with no cell aborts the association.
 */
export const LOCAL_EVENTS = new Set([
    'Evt1', 'Evt2', 'Evt5', 'Evt7', 'Evt8', 'Evt9', 'Evt11', 'Evt14', 'Evt15', 'Evt17', 'Evt18',
]);
/** PS3.8 Tables 9-6..9-9. */
export const ACTIONS = {
    'AE-1': { meaning: 'Issue TRANSPORT CONNECT request primitive to local transport service', next: 'Sta4' },
    'AE-2': { meaning: 'Send A-ASSOCIATE-RQ PDU', next: 'Sta5' },
    'AE-3': { meaning: 'Issue A-ASSOCIATE confirmation (accept) primitive', next: 'Sta6' },
    'AE-4': { meaning: 'Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection', next: 'Sta1' },
    'AE-5': { meaning: 'Issue Transport connection response primitive; start ARTIM timer', next: 'Sta2', artim: 'start' },
    'AE-6': {
        meaning: 'Stop ARTIM timer and if A-ASSOCIATE-RQ acceptable by service-provider issue A-ASSOCIATE indication primitive, otherwise issue A-ASSOCIATE-RJ-PDU and start ARTIM timer',
        next: [['assocAcceptable', 'Sta3'], [null, 'Sta13']],
        artim: 'stop', // and restarted on the reject branch, see machine.ts
    },
    'AE-7': { meaning: 'Send A-ASSOCIATE-AC PDU', next: 'Sta6' },
    'AE-8': { meaning: 'Send A-ASSOCIATE-RJ PDU and start ARTIM timer', next: 'Sta13', artim: 'start' },
    'DT-1': { meaning: 'Send P-DATA-TF PDU', next: 'Sta6' },
    'DT-2': { meaning: 'Send P-DATA indication primitive', next: 'Sta6' },
    'AR-1': { meaning: 'Send A-RELEASE-RQ PDU', next: 'Sta7' },
    'AR-2': { meaning: 'Issue A-RELEASE indication primitive', next: 'Sta8' },
    'AR-3': { meaning: 'Issue A-RELEASE confirmation primitive, and close transport connection', next: 'Sta1' },
    'AR-4': { meaning: 'Issue A-RELEASE-RP PDU and start ARTIM timer', next: 'Sta13', artim: 'start' },
    'AR-5': { meaning: 'Stop ARTIM timer', next: 'Sta1', artim: 'stop' },
    'AR-6': { meaning: 'Issue P-DATA indication', next: 'Sta7' },
    'AR-7': { meaning: 'Issue P-DATA-TF PDU', next: 'Sta8' },
    'AR-8': {
        meaning: 'Issue A-RELEASE indication (release collision)',
        next: [['isRequestor', 'Sta9'], [null, 'Sta10']],
    },
    'AR-9': { meaning: 'Send A-RELEASE-RP PDU', next: 'Sta11' },
    'AR-10': { meaning: 'Issue A-RELEASE confirmation primitive', next: 'Sta12' },
    'AA-1': {
        meaning: 'Send A-ABORT PDU (service-user source) and start (or restart if already started) ARTIM timer',
        next: 'Sta13',
        artim: 'restart',
    },
    'AA-2': { meaning: 'Stop ARTIM timer if running. Close transport connection', next: 'Sta1', artim: 'stop' },
    'AA-3': {
        meaning: 'If (service-user initiated abort) issue A-ABORT indication and close transport connection, otherwise (service-provider initiated abort) issue A-P-ABORT indication and close transport connection',
        next: 'Sta1',
    },
    'AA-4': { meaning: 'Issue A-P-ABORT indication primitive', next: 'Sta1' },
    'AA-5': { meaning: 'Stop ARTIM timer', next: 'Sta1', artim: 'stop' },
    'AA-6': { meaning: 'Ignore PDU', next: 'Sta13' },
    'AA-7': { meaning: 'Send A-ABORT PDU', next: 'Sta13' },
    'AA-8': {
        meaning: 'Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and start ARTIM timer',
        next: 'Sta13',
        artim: 'restart',
    },
};
const ALL_BUT = (skip, act) => Object.fromEntries(STATE_IDS.filter((s) => !skip.includes(s)).map((s) => [s, act]));
/** Received PDUs that are not expected: AA-8 everywhere past Sta2, AA-6/AA-7 in Sta13. */
const unexpectedPdu = (sta13) => ({
    ...ALL_BUT(['Sta1', 'Sta2', 'Sta4', 'Sta13'], 'AA-8'),
    Sta2: 'AA-1',
    Sta13: sta13,
});
/** PS3.8 Table 9-10: event → state → action. Absent cells are blank in the standard. */
export const TABLE = {
    Evt1: { Sta1: 'AE-1' },
    Evt2: { Sta4: 'AE-2' },
    Evt3: { ...unexpectedPdu('AA-6'), Sta5: 'AE-3' },
    Evt4: { ...unexpectedPdu('AA-6'), Sta5: 'AE-4' },
    Evt5: { Sta1: 'AE-5' },
    Evt6: { ...unexpectedPdu('AA-7'), Sta2: 'AE-6' },
    Evt7: { Sta3: 'AE-7' },
    Evt8: { Sta3: 'AE-8' },
    Evt9: { Sta6: 'DT-1', Sta8: 'AR-7' },
    Evt10: { ...unexpectedPdu('AA-6'), Sta6: 'DT-2', Sta7: 'AR-6' },
    Evt11: { Sta6: 'AR-1' },
    Evt12: { ...unexpectedPdu('AA-6'), Sta6: 'AR-2', Sta7: 'AR-8' },
    Evt13: { ...unexpectedPdu('AA-6'), Sta7: 'AR-3', Sta10: 'AR-10', Sta11: 'AR-3' },
    Evt14: { Sta8: 'AR-4', Sta9: 'AR-9', Sta12: 'AR-4' },
    Evt15: { ...ALL_BUT(['Sta1', 'Sta2', 'Sta4', 'Sta13'], 'AA-1'), Sta4: 'AA-2' },
    Evt16: { ...ALL_BUT(['Sta1', 'Sta2', 'Sta4', 'Sta13'], 'AA-3'), Sta2: 'AA-2', Sta13: 'AA-2' },
    Evt17: { ...ALL_BUT(['Sta1', 'Sta2', 'Sta13'], 'AA-4'), Sta2: 'AA-5', Sta13: 'AR-5' },
    Evt18: { Sta2: 'AA-2', Sta13: 'AA-2' },
    Evt19: { ...unexpectedPdu('AA-7') },
};
/** Every defined cell as [event, state, action]; 123 of them. */
export function cells() {
    const out = [];
    for (const evt of EVENT_IDS) {
        for (const sta of STATE_IDS) {
            const act = TABLE[evt][sta];
            if (act)
                out.push([evt, sta, act]);
        }
    }
    return out;
}
//# sourceMappingURL=state-table.js.map