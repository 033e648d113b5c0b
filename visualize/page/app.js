// netdicom live inspector page. Plain JS + SVG, no libraries, talks only to its own origin:
// GET /graph.json (diagram), GET /table.json (PS3.8 wording), WebSocket /inspect (records, see
// visualize/protocol.ts). Records update a model at once; the DOM is updated at most once per
// animation frame, and only the parts that changed.

const SVGNS = 'http://www.w3.org/2000/svg';
const TIMELINE_KEPT = 2000; // entries kept per association
const TIMELINE_SHOWN = 500; // entries rendered for the selected association
const ENDED_KEPT = 1000; // ended associations kept in the list
const BADGE_IDS = 2; // association ids spelled out in a state badge
const COUNTER_MS = 250; // rows whose only change is a counter are refreshed at most this often

const $ = (sel) => document.querySelector(sel);
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};
const svg = (tag, attrs = {}) => {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};
const fmtBytes = (n) =>
  n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : n < 1073741824 ? `${(n / 1048576).toFixed(1)} MiB` : `${(n / 1073741824).toFixed(2)} GiB`;
const fmtInt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const pad = (n, w = 2) => String(n).padStart(w, '0');
const fmtTime = (ts) => {
  const d = new Date(ts);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
};
const isDataCell = (acts) => acts.length > 0 && acts.every((a) => a === 'DT-1' || a === 'DT-2' || a === 'AR-6' || a === 'AR-7');
const endingClass = (ending) => (!ending || /^release/i.test(ending) ? 'status-release' : 'status-bad');

// ---------------------------------------------------------------- model

const model = {
  graph: null,
  table: null,
  assocs: new Map(), // id -> association, in order of first appearance
  byState: new Map(), // StateId -> Set of live association ids
  records: 0,
  dropped: 0,
  lastError: '',
};

const dirty = { rows: new Set(), urgent: false, states: new Set(), selection: true, timeline: true, header: true, rebuildRows: false };
let countersAt = 0; // when rows and header were last refreshed
let selected = null; // association id
let frame = 0;

function resetModel() {
  model.assocs.clear();
  for (const set of model.byState.values()) set.clear();
  for (const id of model.byState.keys()) dirty.states.add(id);
  model.records = 0;
  timelineView.rebuild = true;
  view.selectionKey = view.headKey = null;
  dirty.rebuildRows = true;
  dirty.selection = dirty.timeline = dirty.header = true;
}

function getAssoc(id, ts) {
  let a = model.assocs.get(id);
  if (!a) {
    a = {
      id, role: '', peer: '', callingAE: '', calledAE: '', state: 'Sta1', live: true, ending: '',
      first: ts, lastTs: ts, last: null, taken: new Set(), visited: new Set(['Sta1']),
      entries: [], nextEntry: 1, forgotten: 0, dimse: 0, bytesIn: 0, bytesOut: 0, pdata: 0, row: null,
    };
    model.assocs.set(id, a);
    dirty.urgent = true;
    model.byState.get('Sta1')?.add(id);
    dirty.states.add('Sta1');
    if (selected === null) selectAssoc(id);
    forgetEnded();
  }
  a.lastTs = ts;
  return a;
}

function forgetEnded() {
  if (model.assocs.size <= ENDED_KEPT * 1.1) return;
  let excess = model.assocs.size - ENDED_KEPT;
  for (const [id, a] of model.assocs) {
    if (excess <= 0) break;
    if (a.live || id === selected) continue;
    a.row?.remove();
    model.assocs.delete(id);
    excess--;
  }
}

function setState(a, to) {
  if (a.state === to) return;
  dirty.urgent = true;
  if (a.live) {
    model.byState.get(a.state)?.delete(a.id);
    model.byState.get(to)?.add(a.id);
    dirty.states.add(a.state);
    dirty.states.add(to);
  }
  a.state = to;
  a.visited.add(to);
}

function addEntry(a, entry) {
  entry.id = a.nextEntry++;
  entry.rev = 0;
  a.entries.push(entry);
  if (a.entries.length > TIMELINE_KEPT * 1.25) {
    const cut = a.entries.length - TIMELINE_KEPT;
    a.entries.splice(0, cut);
    a.forgotten += cut;
  }
  if (a.id === selected) dirty.timeline = true;
}

/** Consecutive P-DATA traffic (PDUs, stats, DT-1/DT-2/AR-6/AR-7 cells) is folded into one entry. */
function fold(a, ts, { pdus = 0, bytes = 0, dir = '', cells = 0, act = '' }) {
  let e = a.entries[a.entries.length - 1];
  if (!e || e.kind !== 'fold') {
    e = { kind: 'fold', ts, lastTs: ts, pdus: 0, bytes: 0, in: 0, out: 0, cells: 0, acts: new Set() };
    addEntry(a, e);
  }
  e.pdus += pdus;
  e.bytes += bytes;
  if (dir === 'in') e.in += bytes;
  if (dir === 'out') e.out += bytes;
  e.cells += cells;
  if (act) e.acts.add(act);
  e.lastTs = ts;
  e.rev++;
  if (a.id === selected) dirty.timeline = true;
}

function onRecord(r) {
  model.records++;
  dirty.header = true;
  if (r.kind === 'drop') {
    model.dropped += r.dropped;
    return;
  }
  if (!r.assoc) {
    if (r.kind === 'error') model.lastError = `${r.error.name}: ${r.error.message}`;
    return;
  }
  const a = getAssoc(r.assoc, r.ts);
  dirty.rows.add(a.id);
  switch (r.kind) {
    case 'actor': {
      const wasLive = a.live;
      if (r.role) a.role = r.role;
      if (r.peer) a.peer = r.peer;
      if (r.callingAE) a.callingAE = r.callingAE;
      if (r.calledAE) a.calledAE = r.calledAE;
      if (typeof r.bytesIn === 'number') a.bytesIn = r.bytesIn;
      if (typeof r.bytesOut === 'number') a.bytesOut = r.bytesOut;
      if (typeof r.dimseMessages === 'number') a.dimse = r.dimseMessages;
      if (r.status === 'done') {
        if (wasLive) {
          model.byState.get(a.state)?.delete(a.id);
          dirty.states.add(a.state);
        }
        a.live = false;
        a.ending = r.ending || 'ended';
        dirty.urgent = true;
        addEntry(a, { kind: 'actor', ts: r.ts, text: `association ended · ${a.ending}`, ending: a.ending });
      } else if (!a.started) {
        a.started = true;
        addEntry(a, { kind: 'actor', ts: r.ts, text: `association started · ${r.role || 'unknown role'} · peer ${r.peer || '?'}` });
      }
      break;
    }
    case 'transition': {
      const acts = Array.isArray(r.acts) ? r.acts : [];
      const from = r.from || a.state;
      a.last = { from, to: r.to, evt: r.evt, acts };
      a.taken.add(`${from}>${r.to}`);
      setState(a, r.to);
      if (from === r.to && isDataCell(acts)) fold(a, r.ts, { cells: 1, act: acts.join(',') });
      else addEntry(a, { kind: 'transition', ts: r.ts, from, to: r.to, evt: r.evt, acts });
      if (a.id === selected) dirty.selection = true;
      break;
    }
    case 'pdu': {
      if (r.dir === 'in') a.bytesIn += r.len || 0;
      else a.bytesOut += r.len || 0;
      const d = r.detail;
      if (d && typeof d === 'object') {
        if (!a.callingAE && typeof d.callingAE === 'string') a.callingAE = d.callingAE;
        if (!a.calledAE && typeof d.calledAE === 'string') a.calledAE = d.calledAE;
      }
      if (r.pduType === 'P-DATA-TF') {
        a.pdata += r.len || 0;
        fold(a, r.ts, { pdus: 1, bytes: r.len || 0, dir: r.dir });
      }
      else addEntry(a, { kind: 'pdu', ts: r.ts, dir: r.dir, pduType: r.pduType, len: r.len, summary: r.summary || '' });
      break;
    }
    case 'dimse':
      a.dimse++;
      addEntry(a, {
        kind: 'dimse', ts: r.ts, dir: r.dir, command: r.command, messageId: r.messageId,
        sopClass: r.sopClass || '', status: r.status || '', datasetBytes: r.datasetBytes, summary: r.summary || '',
      });
      break;
    case 'stats':
      a.pdata += r.bytes || 0;
      fold(a, r.ts, { pdus: r.pdus || 0, bytes: r.bytes || 0 });
      break;
    case 'error':
      addEntry(a, { kind: 'error', ts: r.ts, text: `${r.error.name}: ${r.error.message}${r.error.code ? ` (${r.error.code})` : ''}` });
      break;
    default:
      break;
  }
}

// ---------------------------------------------------------------- diagram

const view = { nodes: new Map(), edges: new Map(), badges: new Map(), lastLabel: null, highlighted: new Set(), selectionKey: null, headKey: null };

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

function drawDiagram() {
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
  const overlay = svg('g', { class: 'overlay' });
  root.replaceChildren(defs, edgeLayer, nodeLayer, overlay);

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
    const badge = svg('g', { class: 'badge', visibility: 'hidden' });
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

function renderBadge(id) {
  const badge = view.badges.get(id);
  const { node } = view.nodes.get(id);
  const ids = [...(model.byState.get(id) ?? [])];
  view.nodes.get(id).g.classList.toggle('occupied', ids.length > 0);
  if (ids.length === 0) {
    badge.setAttribute('visibility', 'hidden');
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

function renderSelectionOnDiagram() {
  const a = selected ? model.assocs.get(selected) : null;
  const last = a?.last;
  const key = a ? `${a.id}|${a.state}|${last ? `${last.from}>${last.to} ${last.evt}/${last.acts}` : ''}|${a.taken.size}|${a.visited.size}` : '';
  if (key === view.selectionKey) return;
  view.selectionKey = key;
  for (const key of view.highlighted) view.edges.get(key)?.g.classList.remove('taken', 'last');
  view.highlighted.clear();
  for (const { g } of view.nodes.values()) g.classList.remove('active', 'visited');
  view.lastLabel.setAttribute('visibility', 'hidden');
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
      view.lastLabel.setAttribute('transform', `translate(${Math.round(at.x - w / 2)},${at.y - 10})`);
      view.lastLabel.firstChild.setAttribute('width', w);
      view.lastLabel.lastChild.setAttribute('x', 6);
      view.lastLabel.lastChild.textContent = text;
      view.lastLabel.setAttribute('visibility', 'visible');
    }
  }
}

// ---------------------------------------------------------------- tooltip

const tip = { el: null, key: '' };

function tipLines(lines) {
  tip.el.replaceChildren();
  lines.forEach((parts, i) => {
    if (i) tip.el.append(document.createElement('br'));
    for (const [cls, text] of parts) tip.el.append(cls ? el(cls === 'b' ? 'b' : 'span', cls === 'b' ? '' : cls, text) : document.createTextNode(text));
  });
}

function onDiagramHover(ev) {
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
      for (const label of edge.labels) {
        const [evt, act] = label.split('/');
        lines.push([['mono', evt], ['', ` ${t?.events?.[evt] ?? ''} `], ['mono', `→ ${act}`], ['', ` ${t?.actions?.[act] ?? ''}`]]);
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

function hideTip() {
  if (!tip.key) return;
  tip.key = '';
  tip.el.hidden = true;
  for (const { g } of view.edges.values()) g.classList.remove('hover');
}

// ---------------------------------------------------------------- association list

const filter = { text: '', liveOnly: false };

function rowVisible(a) {
  if (filter.liveOnly && !a.live) return false;
  if (!filter.text) return true;
  const hay = `${a.id} ${a.peer} ${a.callingAE} ${a.calledAE} ${a.state} ${a.role} ${a.ending}`.toLowerCase();
  return hay.includes(filter.text);
}

function renderRow(a) {
  let tr = a.row;
  if (!tr) {
    tr = el('div', 'row');
    tr.setAttribute('role', 'row');
    tr.dataset.assoc = a.id;
    for (const cls of ['id', 'role', 'peer', 'ae', 'state', 'status', 'num', 'num', 'num']) {
      const cell = el('span', cls);
      cell.setAttribute('role', 'cell');
      tr.append(cell);
    }
    a.row = tr;
    $('#assoc-rows').prepend(tr); // newest first
  }
  const c = tr.children;
  const put = (i, text) => {
    if (c[i].textContent !== text) c[i].textContent = text;
  };
  put(0, a.id);
  put(1, a.role || '—');
  put(2, a.peer || '—');
  put(3, a.callingAE || a.calledAE ? `${a.callingAE || '?'} → ${a.calledAE || '?'}` : '—');
  const chip = c[4].firstChild ?? c[4].appendChild(el('span'));
  chip.className = `chip ${a.state.toLowerCase()}`;
  chip.textContent = a.state;
  chip.title = model.table?.states?.[a.state] ?? '';
  put(5, a.live ? 'live' : `ended · ${a.ending}`);
  c[5].className = a.live ? 'status status-live' : `status ${endingClass(a.ending)}`;
  c[5].title = a.live ? '' : a.ending;
  put(6, fmtInt(a.dimse));
  put(7, fmtBytes(a.pdata));
  put(8, `${fmtBytes(a.bytesIn)} / ${fmtBytes(a.bytesOut)}`);
  tr.dataset.currentState = a.state;
  tr.dataset.status = a.live ? 'live' : 'ended';
  tr.classList.toggle('ended', !a.live);
  tr.classList.toggle('selected', a.id === selected);
  tr.hidden = !rowVisible(a);
}

function selectAssoc(id) {
  if (selected === id) return;
  const prev = selected ? model.assocs.get(selected) : null;
  selected = id;
  prev?.row?.classList.remove('selected');
  model.assocs.get(id)?.row?.classList.add('selected');
  dirty.selection = dirty.timeline = true;
  timelineView.rebuild = true;
  schedule();
}

// ---------------------------------------------------------------- timeline

const timelineView = { rebuild: true, stick: true, items: new Map(), revs: new Map() };

function entryItem(e) {
  const li = el('li', `k-${e.kind}`);
  li.dataset.kind = e.kind;
  li.append(el('span', 't', fmtTime(e.ts)));
  const x = el('span', 'x');
  let tag = e.kind;
  const arrow = (dir) => el('span', dir === 'in' ? 'arrow-in' : 'arrow-out', dir === 'in' ? '◀ in ' : 'out ▶ ');
  const t = model.table;
  switch (e.kind) {
    case 'transition': {
      tag = 'state';
      x.append(el('b', '', `${e.from} → ${e.to}`), document.createTextNode(`  ${e.evt} / ${e.acts.join(', ') || '—'}`));
      li.title = [`${e.evt}: ${t?.events?.[e.evt] ?? ''}`, ...e.acts.map((act) => `${act}: ${t?.actions?.[act] ?? ''}`), `${e.to}: ${t?.states?.[e.to] ?? ''}`].join('\n');
      break;
    }
    case 'pdu':
      tag = 'pdu';
      x.append(arrow(e.dir), el('b', '', e.pduType), el('span', 'sub', `  ${fmtBytes(e.len || 0)}`));
      if (e.summary) x.append(el('div', 'sub', e.summary));
      break;
    case 'dimse': {
      tag = 'dimse';
      x.append(arrow(e.dir), el('b', '', e.command), el('span', 'sub mono', ` #${e.messageId}`));
      const bits = [e.sopClass, e.status, typeof e.datasetBytes === 'number' ? `data set ${fmtBytes(e.datasetBytes)}` : ''].filter(Boolean);
      if (bits.length) x.append(el('span', 'sub', `  ${bits.join(' · ')}`));
      if (e.summary) x.append(el('div', 'sub', e.summary));
      break;
    }
    case 'fold': {
      tag = 'p-data';
      const parts = [];
      if (e.pdus) parts.push(`P-DATA-TF ×${fmtInt(e.pdus)}`);
      if (e.bytes) parts.push(fmtBytes(e.bytes));
      if (e.in && e.out) parts.push(`in ${fmtBytes(e.in)}, out ${fmtBytes(e.out)}`);
      else if (e.in) parts.push('in');
      else if (e.out) parts.push('out');
      if (e.cells) parts.push(`${fmtInt(e.cells)} × ${[...e.acts].join('/')}`);
      x.textContent = parts.join(' · ');
      if (e.lastTs - e.ts >= 1) x.append(el('span', 'sub', `  over ${((e.lastTs - e.ts) / 1000).toFixed(3)} s`));
      break;
    }
    case 'actor':
      tag = 'assoc';
      x.textContent = e.text;
      if (e.ending) x.className = `x ${endingClass(e.ending)}`;
      break;
    case 'error':
      tag = 'error';
      x.textContent = e.text;
      break;
    default:
      x.textContent = JSON.stringify(e);
  }
  li.append(el('span', 'tag', tag), x);
  return li;
}

function renderTimeline() {
  const list = $('#timeline');
  const a = selected ? model.assocs.get(selected) : null;
  if (!a) {
    list.replaceChildren();
    timelineView.items.clear();
    return;
  }
  const entries = a.entries.slice(-TIMELINE_SHOWN);
  const firstId = entries.length ? entries[0].id : Infinity;
  const rebuilt = timelineView.rebuild;
  if (rebuilt) {
    timelineView.rebuild = false;
    timelineView.items.clear();
    timelineView.revs.clear();
    list.replaceChildren();
  }
  // drop items that scrolled out of the window (or were forgotten)
  for (const [id, li] of timelineView.items) {
    if (id >= firstId) break;
    li.remove();
    timelineView.items.delete(id);
    timelineView.revs.delete(id);
  }
  const hidden = a.forgotten + a.entries.length - entries.length;
  let more = list.querySelector('li.more');
  if (hidden > 0) {
    if (!more) list.prepend((more = el('li', 'more')));
    more.textContent = `${fmtInt(hidden)} earlier entries not shown`;
  } else more?.remove();
  let appended = false;
  for (const e of entries) {
    const li = timelineView.items.get(e.id);
    if (li && timelineView.revs.get(e.id) === e.rev) continue;
    const fresh = entryItem(e);
    if (li) li.replaceWith(fresh);
    else {
      list.append(fresh);
      appended = true;
    }
    timelineView.items.set(e.id, fresh);
    timelineView.revs.set(e.id, e.rev);
  }
  if ((timelineView.stick && appended) || rebuilt) {
    timelineView.stick = true;
    list.scrollTop = 1e9; // clamped to the end; no layout read
  }
}

function renderSelectedHead() {
  const head = $('#selected-head');
  const a = selected ? model.assocs.get(selected) : null;
  const key = a ? [a.id, a.state, a.live, a.ending, a.role, a.peer, a.callingAE, a.calledAE, a.dimse, a.pdata, a.bytesIn, a.bytesOut].join('|') : '';
  if (key === view.headKey) return;
  view.headKey = key;
  if (!a) {
    head.replaceChildren(el('h2', '', 'Timeline'), el('p', 'muted', 'Select an association.'));
    return;
  }
  const title = el('div', 'title');
  const status = el('span', a.live ? 'status-live' : endingClass(a.ending), a.live ? 'live' : `ended · ${a.ending}`);
  title.append(el('h2', '', a.id), el('span', `chip ${a.state.toLowerCase()}`, a.state), status);
  const dl = el('dl');
  const row = (k, v) => dl.append(el('dt', '', k), el('dd', '', v));
  row('role / peer', `${a.role || '—'} · ${a.peer || '—'}`);
  row('calling → called', `${a.callingAE || '?'} → ${a.calledAE || '?'}`);
  row('state', `${a.state}  ${model.table?.states?.[a.state] ?? ''}`);
  row('traffic', `${fmtInt(a.dimse)} DIMSE · P-DATA ${fmtBytes(a.pdata)} · in ${fmtBytes(a.bytesIn)} · out ${fmtBytes(a.bytesOut)}`);
  head.replaceChildren(title, dl);
}

// ---------------------------------------------------------------- frame

function schedule() {
  if (!frame) frame = requestAnimationFrame(render);
}

function render() {
  frame = 0;
  if (!model.graph) return;
  if (dirty.rebuildRows) {
    dirty.rebuildRows = false;
    $('#assoc-rows').replaceChildren();
    for (const a of model.assocs.values()) {
      a.row = null;
      dirty.rows.add(a.id);
    }
  }
  const now = performance.now();
  const counters = now - countersAt >= COUNTER_MS;
  if (dirty.urgent || counters) {
    for (const id of dirty.rows) {
      const a = model.assocs.get(id);
      if (a) renderRow(a);
    }
    if (dirty.rows.has(selected)) dirty.selection = true;
    dirty.rows.clear();
    dirty.urgent = false;
  }
  $('#empty').hidden = model.assocs.size > 0;
  for (const id of dirty.states) if (view.badges.has(id)) renderBadge(id);
  dirty.states.clear();
  if (dirty.selection) {
    dirty.selection = false;
    renderSelectionOnDiagram();
    renderSelectedHead();
  }
  if (dirty.timeline) {
    dirty.timeline = false;
    renderTimeline();
  }
  if (dirty.header && counters) {
    countersAt = now;
    dirty.header = false;
    let live = 0;
    for (const a of model.assocs.values()) if (a.live) live++;
    $('#counts').textContent = `${fmtInt(live)} live · ${fmtInt(model.assocs.size - live)} ended · ${fmtInt(model.records)} records`;
    const notice = $('#notice');
    const text = [model.dropped ? `⚠ ${fmtInt(model.dropped)} records dropped (page too slow)` : '', model.lastError ? `⚠ ${model.lastError}` : ''].filter(Boolean).join('  ');
    notice.textContent = text;
    notice.hidden = !text;
  }
  if (dirty.rows.size || dirty.header) schedule(); // counters still to show
}

// ---------------------------------------------------------------- connection

let retry = 0;

function setConn(state, text) {
  const c = $('#conn');
  c.dataset.conn = state;
  c.textContent = text;
}

function connect() {
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/inspect`);
  ws.onopen = () => {
    retry = 0;
    resetModel(); // the server replays its backlog on every connection
    setConn('live', 'live');
    schedule();
  };
  ws.onmessage = (m) => {
    let r;
    try {
      r = JSON.parse(m.data);
    } catch {
      return;
    }
    if (r && typeof r === 'object' && typeof r.kind === 'string') {
      onRecord(r);
      schedule();
    }
  };
  ws.onclose = () => {
    const delay = Math.min(5000, 500 * 2 ** retry++);
    setConn('down', `disconnected · retrying in ${(delay / 1000).toFixed(1)} s`);
    setTimeout(connect, delay);
  };
  ws.onerror = () => {}; // onclose follows
}

async function loadJson(path) {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(path, { cache: 'no-cache' });
      if (res.ok) return await res.json();
    } catch {
      /* server not up yet */
    }
    setConn('down', `cannot load ${path} · retrying`);
    await new Promise((r) => setTimeout(r, Math.min(5000, 500 * 2 ** attempt)));
  }
}

async function main() {
  tip.el = $('#tip');
  const [graph, table] = await Promise.all([loadJson('/graph.json'), loadJson('/table.json')]);
  model.graph = graph;
  model.table = table;
  drawDiagram();
  const diagram = $('#diagram');
  diagram.addEventListener('mousemove', onDiagramHover);
  diagram.addEventListener('mouseleave', hideTip);
  $('#assoc-rows').addEventListener('click', (ev) => {
    const tr = ev.target.closest('[data-assoc]');
    if (tr) selectAssoc(tr.dataset.assoc);
  });
  const list = $('#timeline');
  list.addEventListener('scroll', () => {
    timelineView.stick = list.scrollTop + list.clientHeight >= list.scrollHeight - 24;
  }, { passive: true });
  $('#filter').addEventListener('input', (ev) => {
    filter.text = ev.target.value.trim().toLowerCase();
    for (const a of model.assocs.values()) if (a.row) a.row.hidden = !rowVisible(a);
  });
  $('#live-only').addEventListener('change', (ev) => {
    filter.liveOnly = ev.target.checked;
    for (const a of model.assocs.values()) if (a.row) a.row.hidden = !rowVisible(a);
  });
  setConn('connecting', 'connecting…');
  connect();
  schedule();
}

main();
