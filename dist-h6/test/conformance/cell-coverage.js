/**
 * Where each of the 123 cells of PS3.8 Table 9-10 is driven.
 *
 * - table-cells.test.ts drives EVERY cell directly (the machine with a
 *   recording UpperLayerIo, no socket). It is the only suite for the
 *   DIRECT_ONLY_CELLS below.
 * - network-cells.test.ts drives the SOCKET_CELLS over real TCP: a netdicom
 *   SCP or SCU with an Inspector attached, a scripted raw-socket peer on the
 *   other end, and the observed `transition` record compared with the
 *   independent fixture.
 *
 * SOCKET_CELLS: every cell whose event comes from the network (a PDU:
 * Evt3/4/6/10/12/13/16/19; the transport: Evt2, Evt5, Evt17; ARTIM: Evt18),
 * in every state where it can arrive (102 cells):
 *   acceptor (our SCP):  Sta1 (Evt5), Sta2, Sta3, Sta6, Sta8, Sta10, Sta12, Sta13
 *   requestor (our SCU): Sta4 (Evt2, Evt17 = connection refused), Sta5, Sta7, Sta9, Sta11
 *
 * DIRECT_ONLY_CELLS (21): the local primitives, whose cells no peer can
 * trigger — Evt1 (A-ASSOCIATE rq), Evt7/Evt8 (A-ASSOCIATE rsp), Evt9
 * (P-DATA rq), Evt11 (A-RELEASE rq), Evt14 (A-RELEASE rsp), Evt15 (A-ABORT
 * rq, including Sta4 before the connection completes) — and the two
 * transport cells of UNREACHABLE_OVER_TCP.
 */
import { FIXTURE_TABLE_9_10 } from '../fixtures/table-9-10.fixture.js';
/** Events that come from the peer, the transport or the ARTIM timer. */
export const NETWORK_EVENTS = new Set(['Evt2', 'Evt3', 'Evt4', 'Evt5', 'Evt6', 'Evt10', 'Evt12', 'Evt13', 'Evt16', 'Evt17', 'Evt18', 'Evt19']);
/**
 * Network cells no socket test can reach. Sta9 and Sta12 last until the
 * local user's A-RELEASE response, which netdicom issues in the same tick
 * (a microtask after AR-8 / AR-10): a PDU can still arrive there when it
 * comes in the same read as the A-RELEASE-RQ / -RP that led there (the tests
 * send both in one write), but a transport close is delivered on a later
 * tick, by which time the association has moved on.
 */
export const UNREACHABLE_OVER_TCP = {
    'Evt17/Sta9': 'Sta9 lasts one tick (AR-9 follows AR-8 at once); a close arrives on a later tick',
    'Evt17/Sta12': 'Sta12 lasts one tick (AR-4 follows AR-10 at once); a close arrives on a later tick',
};
export const SOCKET_CELLS = FIXTURE_TABLE_9_10.filter(([e, s]) => NETWORK_EVENTS.has(e) && !UNREACHABLE_OVER_TCP[`${e}/${s}`]);
export const DIRECT_ONLY_CELLS = FIXTURE_TABLE_9_10.filter((c) => !SOCKET_CELLS.includes(c));
//# sourceMappingURL=cell-coverage.js.map