/** Events that come from the peer, the transport or the ARTIM timer. */
export declare const NETWORK_EVENTS: ReadonlySet<string>;
/**
 * Network cells no socket test can reach. Sta9 and Sta12 last until the
 * local user's A-RELEASE response, which netdicom issues in the same tick
 * (a microtask after AR-8 / AR-10): a PDU can still arrive there when it
 * comes in the same read as the A-RELEASE-RQ / -RP that led there (the tests
 * send both in one write), but a transport close is delivered on a later
 * tick, by which time the association has moved on.
 */
export declare const UNREACHABLE_OVER_TCP: Readonly<Record<string, string>>;
export type Cell = readonly [event: string, state: string, action: string, next: string];
export declare const SOCKET_CELLS: readonly Cell[];
export declare const DIRECT_ONLY_CELLS: readonly Cell[];
