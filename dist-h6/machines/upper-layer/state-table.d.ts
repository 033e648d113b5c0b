/**
 * The DICOM Upper Layer protocol state machine as data: PS3.8 §9.2,
 * states (Table 9-1..9-5 wording), events (Table 9-10 rows), actions
 * (Tables 9-6..9-9) and the 123 defined cells of Table 9-10.
 *
 * This file holds data only. `machine.ts` turns it into one XState machine per
 * association and `visualize/` draws the diagram from it, so the machine, the
 * diagram and the table cannot drift apart.
 */
export declare const STATE_IDS: readonly ['Sta1', 'Sta2', 'Sta3', 'Sta4', 'Sta5', 'Sta6', 'Sta7', 'Sta8', 'Sta9', 'Sta10', 'Sta11', 'Sta12', 'Sta13'];
export type StateId = (typeof STATE_IDS)[number];
export declare const EVENT_IDS: readonly ['Evt1', 'Evt2', 'Evt3', 'Evt4', 'Evt5', 'Evt6', 'Evt7', 'Evt8', 'Evt9', 'Evt10', 'Evt11', 'Evt12', 'Evt13', 'Evt14', 'Evt15', 'Evt16', 'Evt17', 'Evt18', 'Evt19'];
export type EventId = (typeof EVENT_IDS)[number];
export declare const ACTION_IDS: readonly ['AE-1', 'AE-2', 'AE-3', 'AE-4', 'AE-5', 'AE-6', 'AE-7', 'AE-8', 'DT-1', 'DT-2', 'AR-1', 'AR-2', 'AR-3', 'AR-4', 'AR-5', 'AR-6', 'AR-7', 'AR-8', 'AR-9', 'AR-10', 'AA-1', 'AA-2', 'AA-3', 'AA-4', 'AA-5', 'AA-6', 'AA-7', 'AA-8'];
export type ActionId = (typeof ACTION_IDS)[number];
/** One-line meaning of each state, PS3.8 Tables 9-1..9-5. */
export declare const STATES: Record<StateId, string>;
/** One-line meaning of each event, PS3.8 Table 9-10 rows. */
export declare const EVENTS: Record<EventId, string>;
/**
 * Events that are local primitives (issued by the local user or the local
 * transport service). A local primitive with no cell in the current state is
 * refused; a PDU event with no cell aborts the association.
 */
export declare const LOCAL_EVENTS: ReadonlySet<EventId>;
/** A guard name used where an action has two possible next states. */
export type Branch = 'assocAcceptable' | 'isRequestor';
/** What an action does and where it leads: one state, or guarded branches (first match wins). */
export interface ActionSpec {
    readonly meaning: string;
    readonly next: StateId | readonly (readonly [Branch | null, StateId])[];
    /** ARTIM effect of taking this action (per branch for AE-6). */
    readonly artim?: 'start' | 'stop' | 'restart';
}
/** PS3.8 Tables 9-6..9-9. */
export declare const ACTIONS: Record<ActionId, ActionSpec>;
/** PS3.8 Table 9-10: event → state → action. Absent cells are blank in the standard. */
export declare const TABLE: Record<EventId, Partial<Record<StateId, ActionId>>>;
/** Every defined cell as [event, state, action]; 123 of them. */
export declare function cells(): [EventId, StateId, ActionId][];
