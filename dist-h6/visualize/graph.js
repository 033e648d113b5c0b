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
import { ACTIONS, EVENTS, STATE_IDS, STATES, cells, } from '../machines/upper-layer/state-table.js';
/** Short box titles; the standard's wording is in STATES. */
export const SHORT_TITLES = {
    Sta1: 'Idle',
    Sta2: 'Await A-ASSOCIATE-RQ',
    Sta3: 'Await local AC / RJ',
    Sta4: 'Await transport open',
    Sta5: 'Await AC / RJ PDU',
    Sta6: 'Established · P-DATA',
    Sta7: 'Await A-RELEASE-RP',
    Sta8: 'Await local release',
    Sta9: 'Collision rq: local rsp',
    Sta10: 'Collision ac: await RP',
    Sta11: 'Collision rq: await RP',
    Sta12: 'Collision ac: local rsp',
    Sta13: 'Awaiting transport connection close',
};
const NODE_W = 146;
const NODE_H = 54;
const MARGIN = 20;
const BAR_H = 44;
const ROW_TOP = 160;
const ROW_MID = 270;
const ROW_BOTTOM = 380;
const BAR1_Y = MARGIN;
const BAR13_Y = ROW_BOTTOM + NODE_H / 2 + 84;
const RIGHT = 1250;
/** x of the Sta13 → Sta1 return line, right of both bars. */
const RETURN_X = RIGHT + 22;
/** Box centres of the states between the bars: hand placed, as data. */
const PLACES = {
    // requestor row
    Sta4: { x: 210, y: ROW_TOP },
    Sta5: { x: 400, y: ROW_TOP },
    Sta7: { x: 780, y: ROW_TOP },
    Sta9: { x: 970, y: ROW_TOP },
    Sta11: { x: 1160, y: ROW_TOP },
    // data transfer
    Sta6: { x: 590, y: ROW_MID },
    // acceptor row
    Sta2: { x: 115, y: ROW_BOTTOM },
    Sta3: { x: 305, y: ROW_BOTTOM },
    Sta8: { x: 685, y: ROW_BOTTOM },
    Sta10: { x: 875, y: ROW_BOTTOM },
    Sta12: { x: 1065, y: ROW_BOTTOM },
};
/** Which side of its box each self-loop (P-DATA cells, ignored PDUs) is drawn on, away from the other edges. */
const LOOPS = {
    Sta6: 'right',
    Sta7: 'top-right',
    Sta8: 'bottom-right',
    Sta13: 'bottom-right',
};
/** Clearance kept between a vertical line and a box it passes. */
const CLEAR = 14;
function placeNodes() {
    return STATE_IDS.map((id) => {
        if (id === 'Sta1' || id === 'Sta13') {
            return { id, title: SHORT_TITLES[id], x: MARGIN, y: id === 'Sta1' ? BAR1_Y : BAR13_Y, width: RIGHT - MARGIN, height: BAR_H };
        }
        const c = PLACES[id];
        if (!c)
            throw new Error(`graph: no place for ${id}`);
        return { id, title: SHORT_TITLES[id], x: c.x - NODE_W / 2, y: c.y - NODE_H / 2, width: NODE_W, height: NODE_H };
    });
}
/** Distinct from→to pairs with their labels, in table order (AE-6 and AR-8 give one edge per branch). */
export function edgeLabels() {
    const pairs = new Map();
    for (const [evt, sta, act] of cells()) {
        const next = ACTIONS[act].next;
        const targets = typeof next === 'string' ? [next] : next.map(([, target]) => target);
        for (const to of targets) {
            const key = `${sta}>${to}`;
            let pair = pairs.get(key);
            if (!pair)
                pairs.set(key, (pair = { from: sta, to, labels: [], acts: [] }));
            pair.labels.push(`${evt}/${act}`);
            pair.acts.push(act);
        }
    }
    return pairs;
}
const isBar = (id) => id === 'Sta1' || id === 'Sta13';
const cx = (n) => n.x + n.width / 2;
const cy = (n) => n.y + n.height / 2;
/** The widest x interval inside `node` free of the boxes a vertical line to a bar would cross. */
function freeSpan(node, bar, boxes) {
    const top = Math.min(node.y, bar.y);
    const bottom = Math.max(node.y + node.height, bar.y + bar.height);
    let pieces = [[node.x + CLEAR, node.x + node.width - CLEAR]];
    for (const b of boxes) {
        if (b === node || b === bar || b.y + b.height < top || b.y > bottom)
            continue;
        const lo = b.x - CLEAR;
        const hi = b.x + b.width + CLEAR;
        pieces = pieces.flatMap(([a, z]) => hi <= a || lo >= z ? [[a, z]] : [[a, lo], [hi, z]].filter(([p, q]) => q - p > 1));
    }
    if (pieces.length === 0)
        throw new Error(`graph: no free vertical route from ${node.id} to ${bar.id}`);
    return pieces.reduce((w, p) => (p[1] - p[0] > w[1] - w[0] ? p : w));
}
/** Where a straight line from the centre of `n` towards `p` leaves the box. */
function borderToward(n, p) {
    const dx = p.x - cx(n);
    const dy = p.y - cy(n);
    const sx = dx === 0 ? Infinity : n.width / 2 / Math.abs(dx);
    const sy = dy === 0 ? Infinity : n.height / 2 / Math.abs(dy);
    const s = Math.min(sx, sy);
    return { x: cx(n) + dx * s, y: cy(n) + dy * s };
}
const round = (p) => ({ x: Math.round(p.x), y: Math.round(p.y) });
/**
 * Builds the diagram: nodes placed as above, one edge per distinct from→to pair
 * of Table 9-10 (38 pairs, self-loops included). Pure; cache the result.
 */
export function buildGraph() {
    const nodes = placeNodes();
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const node = (id) => byId.get(id);
    const pairs = [...edgeLabels().values()];
    // Vertical lines between a box and a bar: share out the free span per box and side.
    const ports = new Map();
    for (const box of nodes.filter((n) => !isBar(n.id))) {
        for (const barId of ['Sta1', 'Sta13']) {
            const onSide = pairs.filter((p) => (p.from === box.id && p.to === barId) || (p.to === box.id && p.from === barId));
            if (onSide.length === 0)
                continue;
            const [a, z] = freeSpan(box, node(barId), nodes);
            // Lines into the bar first (left), then lines out of it.
            onSide.sort((p, q) => Number(p.from === barId) - Number(q.from === barId));
            onSide.forEach((p, i) => ports.set(`${p.from}>${p.to}`, a + ((i + 1) * (z - a)) / (onSide.length + 1)));
        }
    }
    const edges = pairs.map(({ from, to, labels, acts }) => {
        const a = node(from);
        const b = node(to);
        let points;
        let labelAt;
        let labelAlign = 'middle';
        let labelStacked = false;
        if (from === to) {
            const side = LOOPS[from];
            if (!side)
                throw new Error(`graph: no loop side for ${from}`);
            const right = a.x + a.width;
            if (side === 'right') {
                const y = cy(a);
                points = [{ x: right, y: y - 10 }, { x: right + 18, y: y - 10 }, { x: right + 18, y: y + 10 }, { x: right, y: y + 10 }];
                labelAt = { x: right + 23, y: y - 4 };
                labelAlign = 'start';
                labelStacked = true;
            }
            else if (side === 'top-right') {
                points = [{ x: right - 30, y: a.y }, { x: right - 30, y: a.y - 16 }, { x: right + 14, y: a.y - 16 }, { x: right + 14, y: a.y + 10 }, { x: right, y: a.y + 10 }];
                labelAt = { x: right + 18, y: a.y - 19 };
                labelAlign = 'start';
            }
            else {
                const y = a.y + a.height;
                const x = right - (isBar(from) ? 70 : 44);
                points = [{ x, y }, { x, y: y + 16 }, { x: x + 30, y: y + 16 }, { x: x + 30, y }];
                labelAt = { x: x + 36, y: y + 19 };
                labelAlign = 'start';
            }
        }
        else if (isBar(from) && isBar(to)) {
            // Sta13 → Sta1 (AR-5 after release, AA-2 on ARTIM or A-ABORT): around the right end.
            points = [
                { x: a.x + a.width, y: cy(a) },
                { x: RETURN_X, y: cy(a) },
                { x: RETURN_X, y: cy(b) },
                { x: b.x + b.width, y: cy(b) },
            ];
            labelAt = { x: RETURN_X - 5, y: (cy(a) + cy(b)) / 2 };
            labelAlign = 'end';
        }
        else if (isBar(from) || isBar(to)) {
            const x = ports.get(`${from}>${to}`);
            const box = isBar(from) ? b : a;
            const bar = isBar(from) ? a : b;
            const boxY = bar.y < box.y ? box.y : box.y + box.height;
            const barY = bar.y < box.y ? bar.y + bar.height : bar.y;
            points = isBar(from) ? [{ x, y: barY }, { x, y: boxY }] : [{ x, y: boxY }, { x, y: barY }];
            labelAt = { x: x + 5, y: (boxY + barY) / 2 + 4 };
            labelAlign = 'start';
        }
        else {
            const p = borderToward(a, { x: cx(b), y: cy(b) });
            const q = borderToward(b, { x: cx(a), y: cy(a) });
            points = [p, q];
            labelStacked = p.y === q.y && Math.abs(q.x - p.x) < 80;
            labelAt = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 + (labelStacked ? 13 : -6) };
        }
        return {
            from,
            to,
            points: points.map(round),
            labels,
            abort: acts.every((act) => act.startsWith('AA-')),
            labelAt: round(labelAt),
            labelAlign,
            labelStacked,
        };
    });
    const bottom = Math.max(...nodes.map((n) => n.y + n.height)) + 36;
    return { width: RETURN_X + MARGIN, height: bottom, nodes, edges };
}
export function buildTableJson() {
    const actions = Object.fromEntries(Object.entries(ACTIONS).map(([id, spec]) => [id, spec.meaning]));
    return { states: { ...STATES }, events: { ...EVENTS }, actions };
}
//# sourceMappingURL=graph.js.map