// The state diagram: SVG drawn once from /graph.json, then per-frame updates of badges (live
// associations per state) and of the selected association's current state and edges. Hover text
// comes from /table.json (the standard's wording).

import { dirty, model, ui } from './model.js';
import { $, el, shortMeaning, svg } from './util.js';

const BADGE_IDS = 2; // association ids spelled out in a state badge

const view = { nodes: new Map(), edges: new Map(), badges: new Map(), occupied: new Map(), lastLabel: null, highlighted: new Set(), selectionKey: null };

/** Forget what was drawn for the selection (after a reconnect rebuilt the model). */
export function resetDiagramSelection() {
  view.selectionKey = null;
}

function pathD(points, r = 7) {
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i - 1], q = points[i], n = points[i + 1];
    const l1 = Math.hypot(q.x - p.x, q.y - p.y), l2 = Math.hypot(n.x - q.x, n.y - q.y);
    const k = Math.min(r, l1 / 2, l2 / 2);
    const a = { x: q.x - ((q.x - p.x) * k) / l1, y: q.y - ((q.y - p.y) * k) / l1 };
    const b = { x: q.x + ((n.x - q.x) * k) / l2, y: q.y + ((n.y - q.y) * k) / l2 };
    d += ` L${a.x},${a.y} Q${q.x},${q.y} ${b.x},${b.y}`;
  }
  const z = points[points.length - 1];
  return `${d} L${z.x},${z.y}`;
}

/** The diagram label of an edge: its non-abort cells (abort-only edges have none), on one line or as events over actions. */
function edgeCaption(edge) {
  if (edge.abort) return [];
  const main = edge.labels.filter((l) => !/\/AA-/.test(l));
  if (!edge.labelStacked) return [main.join(' ')];
  const cells = main.map((l) => l.split('/'));
  return [cells.map((c) => c[0]).join(' '), cells.map((c) => c[1]).join(' ')];
}

export function drawDiagram() {
  const g = model.graph;
  const root = $('#diagram');
  root.setAttribute('viewBox', `0 0 ${g.width} ${g.height}`);
  const defs = svg('defs');
  for (const [id, color] of [['arrow', '#8d96a8'], ['arrow-abort', '#c9ced8'], ['arrow-taken', '#7aa2f7'], ['arrow-last', '#e8590c']]) {
    const m = svg('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' });
    m.setAttribute('markerWidth', id === 'arrow-last' ? 11 : 8);
    m.setAttribute('markerHeight', id === 'arrow-last' ? 11 : 8);
    m.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: color }));
    defs.append(m);
  }
  const edgeLayer = svg('g', { class: 'edges' });
  const nodeLayer = svg('g', { class: 'nodes' });
  // Badges and the last-transition label change often: they live in a second SVG over this one, in
  // its own compositing layer, so updating them never repaints the diagram.
  const over = $('#diagram-overlay');
  over.setAttribute('viewBox', `0 0 ${g.width} ${g.height}`);
  const overlay = svg('g', { class: 'overlay' });
  over.replaceChildren(overlay);
  root.replaceChildren(defs, edgeLayer, nodeLayer);

  // abort edges first so the normal ones are drawn over them
  const edges = [...g.edges].sort((a, b) => Number(b.abort) - Number(a.abort));
  for (const e of edges) {
    const key = `${e.from}>${e.to}`;
    const grp = svg('g', { class: `edge${e.abort ? ' abort' : ''}`, 'data-edge': key });
    const d = pathD(e.points);
    grp.append(svg('path', { class: 'hit', d }), svg('path', { class: 'line', d }));
    const caption = edgeCaption(e);
    if (caption.length) {
      const t = svg('text', { class: 'elabel', x: e.labelAt.x, y: e.labelAt.y, 'text-anchor': e.labelAlign });
      caption.forEach((line, i) => {
        const span = svg('tspan', { x: e.labelAt.x, dy: i ? 12 : 0 });
        span.textContent = line;
        t.append(span);
      });
      grp.append(t);
    }
    edgeLayer.append(grp);
    view.edges.set(key, { edge: e, g: grp });
  }

  for (const n of g.nodes) {
    const bar = n.id === 'Sta1' || n.id === 'Sta13';
    const grp = svg('g', { class: `state${bar ? ' bar' : ''}`, 'data-state': n.id, transform: `translate(${n.x},${n.y})` });
    grp.append(svg('rect', { class: 'box', width: n.width, height: n.height, rx: bar ? 12 : 10 }));
    if (bar) {
      const t = svg('text', { class: 'sid', x: 16, y: n.height / 2 + 5 });
      t.textContent = n.id;
      const s = svg('text', { class: 'stitle', x: 16 + n.id.length * 9 + 10, y: n.height / 2 + 4 });
      s.textContent = n.title;
      grp.append(t, s);
    } else {
      const t = svg('text', { class: 'sid', x: n.width / 2, y: 21, 'text-anchor': 'middle' });
      t.textContent = n.id;
      const s = svg('text', { class: 'stitle', x: n.width / 2, y: 39, 'text-anchor': 'middle' });
      s.textContent = n.title;
      grp.append(t, s);
    }
    nodeLayer.append(grp);
    // A live association is in this state: an outline in the overlay (the diagram is not repainted).
    const occ = svg('rect', { class: 'occ', x: n.x - 2, y: n.y - 2, width: n.width + 4, height: n.height + 4, rx: bar ? 13 : 11, visibility: 'hidden', 'data-occupied': n.id });
    overlay.append(occ);
    view.occupied.set(n.id, occ);
    const badge = svg('g', { class: 'badge', visibility: 'hidden', 'data-badge': n.id });
    badge.append(svg('rect', { rx: 9, height: 18 }), svg('text', { y: 13 }));
    overlay.append(badge);
    view.nodes.set(n.id, { node: n, g: grp });
    view.badges.set(n.id, badge);
    model.byState.set(n.id, model.byState.get(n.id) ?? new Set());
  }
  const lastLabel = svg('g', { class: 'lastlabel', visibility: 'hidden' });
  lastLabel.append(svg('rect', { rx: 4, height: 19 }), svg('text', { y: 14 }));
  overlay.append(lastLabel);
  view.lastLabel = lastLabel;
  for (const id of view.nodes.keys()) dirty.states.add(id);
}

const CHAR_W = 6.4; // badge and label font: 10.5–11.5px monospace

export function renderBadges(ids) {
  for (const id of ids) if (view.badges.has(id)) renderBadge(id);
}

function renderBadge(id) {
  const badge = view.badges.get(id);
  const { node } = view.nodes.get(id);
  const ids = [...(model.byState.get(id) ?? [])];
  view.occupied.get(id)?.setAttribute('visibility', ids.length > 0 ? 'visible' : 'hidden');
  if (ids.length === 0) {
    badge.setAttribute('visibility', 'hidden');
    badge.lastChild.textContent = '';
    return;
  }
  const shown = ids.slice(0, BADGE_IDS).join(' ');
  const text = ids.length > BADGE_IDS ? `${ids.length}: ${shown} +${ids.length - BADGE_IDS}` : shown;
  const w = Math.round(text.length * CHAR_W + 14);
  const bar = id === 'Sta1' || id === 'Sta13';
  const x = bar ? node.x + node.width - w - 90 : node.x + node.width - w + 10;
  const y = bar ? node.y + node.height / 2 - 9 : node.y - 11;
  badge.setAttribute('transform', `translate(${x},${y})`);
  badge.firstChild.setAttribute('width', w);
  badge.lastChild.setAttribute('x', 7);
  badge.lastChild.textContent = text;
  badge.classList.toggle('more', ids.length > BADGE_IDS);
  badge.setAttribute('visibility', 'visible');
}

export function renderSelectionOnDiagram() {
  const a = ui.selected ? model.assocs.get(ui.selected) : null;
  const last = a?.last;
  const key = a ? `${a.id}|${a.state}|${last ? `${last.from}>${last.to} ${last.evt}/${last.acts}` : ''}|${a.taken.size}|${a.visited.size}` : '';
  if (key === view.selectionKey) return;
  view.selectionKey = key;
  for (const key of view.highlighted) view.edges.get(key)?.g.classList.remove('taken', 'last');
  view.highlighted.clear();
  for (const { g } of view.nodes.values()) g.classList.remove('active', 'visited');
  view.lastLabel.setAttribute('visibility', 'hidden');
  renderLastCaption(a);
  if (!a) return;
  for (const id of a.visited) view.nodes.get(id)?.g.classList.add('visited');
  view.nodes.get(a.state)?.g.classList.add('active');
  for (const key of a.taken) {
    const e = view.edges.get(key);
    if (!e) continue;
    e.g.classList.add('taken');
    view.highlighted.add(key);
  }
  if (a.last) {
    const key = `${a.last.from}>${a.last.to}`;
    const e = view.edges.get(key);
    if (e) {
      e.g.classList.add('last');
      e.g.parentNode.append(e.g); // draw on top
      view.highlighted.add(key);
      const text = `${a.last.evt}/${a.last.acts.join(',') || '—'}`;
      const w = Math.round(text.length * 7 + 12);
      const at = e.edge.labelAt;
      // Anchored like the edge's own caption, and kept inside the drawing.
      const left = e.edge.labelAlign === 'end' ? at.x - w : e.edge.labelAlign === 'start' ? at.x : at.x - w / 2;
      const x = Math.max(2, Math.min(model.graph.width - w - 2, Math.round(left)));
      view.lastLabel.setAttribute('transform', `translate(${x},${at.y - 10})`);
      view.lastLabel.firstChild.setAttribute('width', w);
      view.lastLabel.lastChild.setAttribute('x', 6);
      view.lastLabel.lastChild.textContent = text;
      view.lastLabel.setAttribute('visibility', 'visible');
    }
  }
}

/** Under the diagram, in words: the selected association's last transition, from /table.json. */
function renderLastCaption(a) {
  const cap = $('#last-caption');
  if (!cap) return;
  const last = a?.last;
  if (!last) {
    cap.replaceChildren(el('span', 'dim', a ? `${a.id}: no transition yet` : 'Select an association to follow it on the diagram.'));
    return;
  }
  const t = model.table;
  const parts = [el('b', '', `${a.id} last: ${last.from} → ${last.to}`), el('span', 'mono', ` ${last.evt}`), document.createTextNode(` ${shortMeaning(t?.events?.[last.evt])}`)];
  for (const act of last.acts) parts.push(el('span', 'sep', ' · '), el('span', 'mono', act), document.createTextNode(` ${t?.actions?.[act] ?? ''}`));
  cap.replaceChildren(...parts);
  cap.title = `${last.to}: ${t?.states?.[last.to] ?? ''}`;
}

// tooltip

const tip = { el: null, key: '' };

export function initTooltip(node) {
  tip.el = node;
}

function tipLines(lines) {
  tip.el.replaceChildren();
  lines.forEach((parts, i) => {
    if (i) tip.el.append(document.createElement('br'));
    for (const [cls, text] of parts) tip.el.append(cls ? el(cls === 'b' ? 'b' : 'span', cls === 'b' ? '' : cls, text) : document.createTextNode(text));
  });
}

export function onDiagramHover(ev) {
  const stateG = ev.target.closest?.('[data-state]');
  const edgeG = stateG ? null : ev.target.closest?.('[data-edge]');
  const key = stateG ? `s:${stateG.dataset.state}` : edgeG ? `e:${edgeG.dataset.edge}` : '';
  if (!key) return hideTip();
  if (key !== tip.key) {
    tip.key = key;
    for (const { g } of view.edges.values()) g.classList.remove('hover');
    const t = model.table;
    if (stateG) {
      const id = stateG.dataset.state;
      const here = [...(model.byState.get(id) ?? [])];
      tipLines([
        [['b', id], ['', ` ${t?.states?.[id] ?? ''}`]],
        [['dim', here.length ? `live here (${here.length}): ${here.slice(0, 12).join(', ')}${here.length > 12 ? ' …' : ''}` : 'no live association here']],
      ]);
    } else {
      const { edge, g } = view.edges.get(edgeG.dataset.edge);
      g.classList.add('hover');
      const lines = [[['b', `${edge.from} → ${edge.to}`], ['dim', edge.abort ? '  abort path' : '']]];
      // one line per action with its meaning, then the events that take it
      const byAct = new Map();
      for (const label of edge.labels) {
        const [evt, act] = label.split('/');
        if (!byAct.has(act)) byAct.set(act, []);
        byAct.get(act).push(evt);
      }
      const short = (evt) => `${evt} ${(t?.events?.[evt] ?? '').replace(/\s*\(.*\)$/, '')}`;
      for (const [act, evts] of byAct) {
        lines.push([['mono', act], ['', ` ${t?.actions?.[act] ?? ''}`]]);
        lines.push([['dim', `  on ${evts.map(short).join(', ')}`]]);
      }
      tipLines(lines);
    }
    tip.el.hidden = false;
  }
  const pad = 14;
  const r = tip.el.getBoundingClientRect();
  let x = ev.clientX + pad, y = ev.clientY + pad;
  if (x + r.width > innerWidth - 4) x = ev.clientX - r.width - pad;
  if (y + r.height > innerHeight - 4) y = ev.clientY - r.height - pad;
  tip.el.style.left = `${Math.max(4, x)}px`;
  tip.el.style.top = `${Math.max(4, y)}px`;
}

export function hideTip() {
  if (!tip.key) return;
  tip.key = '';
  tip.el.hidden = true;
  for (const { g } of view.edges.values()) g.classList.remove('hover');
}
