/**
 * The Upper Layer state diagram as data for the inspector page (`GET /graph.json`),
 * derived from `machines/upper-layer/state-table.ts` so the drawing cannot drift
 * from the table.
 *
 * Layout: the 13 states are placed by hand (below, as data). Sta1 (Idle) is a
 * bar across the top and Sta13 (awaiting transport close) a bar across the
 * bottom, because nearly every state has an edge to one or both; those edges
 * become short vertical lines. Between the bars: the requestor path on the top
 * row (Sta4 → Sta5), the acceptor path on the bottom row (Sta2 → Sta3), Sta6 in
 * the middle, then release (Sta7 requestor side, Sta8 acceptor side) and the
 * release-collision states (Sta9 → Sta11 top, Sta10 → Sta12 bottom). The two
 * rows are staggered so the vertical lines pass between the boxes of the other
 * row. Edge routes are computed from the placement. Coordinates are SVG user
 * units (px), origin top left.
 */
import { type ActionId, type EventId, type StateId } from '../machines/upper-layer/state-table.js';
export interface Point {
    x: number;
    y: number;
}
export interface GraphNode {
    id: StateId;
    /** Short title drawn in the box; the full meaning is STATES[id] (served in /table.json). */
    title: string;
    /** Top-left corner, width and height. */
    x: number;
    y: number;
    width: number;
    height: number;
}
export interface GraphEdge {
    from: StateId;
    to: StateId;
    /** Polyline from the source box's border to the target box's border (arrow at the last point). */
    points: Point[];
    /** Every Table 9-10 cell on this from→to pair, "Evt12/AR-2", in table order. */
    labels: string[];
    /** True when every action on the edge is an AA-* (abort) action: drawn dashed and faint. */
    abort: boolean;
    /** Where to draw the edge's label, and how: text-anchor, and whether events and actions go on two lines (short edges). */
    labelAt: Point;
    labelAlign: 'start' | 'middle' | 'end';
    labelStacked: boolean;
}
export interface Graph {
    width: number;
    height: number;
    nodes: GraphNode[];
    edges: GraphEdge[];
}
/** Short box titles; the standard's wording is in STATES. */
export declare const SHORT_TITLES: Record<StateId, string>;
/** Distinct from→to pairs with their labels, in table order (AE-6 and AR-8 give one edge per branch). */
export declare function edgeLabels(): Map<string, {
    from: StateId;
    to: StateId;
    labels: string[];
    acts: ActionId[];
}>;
/**
 * Builds the diagram: nodes placed as above, one edge per distinct from→to pair
 * of Table 9-10 (38 pairs, self-loops included). Pure; cache the result.
 */
export declare function buildGraph(): Graph;
/** The table with one-line meanings, served as `GET /table.json` for the page's hover text. */
export interface TableJson {
    states: Record<StateId, string>;
    events: Record<EventId, string>;
    actions: Record<ActionId, string>;
}
export declare function buildTableJson(): TableJson;
