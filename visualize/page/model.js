// The page's model of every association, built from inspector records (visualize/protocol.ts).
// onRecord() only updates data and marks what changed in `dirty`; app.js renders once per frame.

import { isDataCell } from './util.js';

const TIMELINE_KEPT = 2000; // entries kept per association
const ENDED_KEPT = 1000; // ended associations kept in the list

export const model = {
  graph: null,
  table: null,
  assocs: new Map(), // id -> association, in order of first appearance
  byState: new Map(), // StateId -> Set of live association ids
  records: 0,
  dropped: 0,
  lastError: '',
};

export const dirty = { rows: new Set(), urgent: false, states: new Set(), selection: true, timeline: true, header: true, rebuildRows: false, resetViews: false, selectionChanged: null };

/** What the user selected; `select` marks the views that depend on it. */
export const ui = { selected: null };

export function select(id) {
  if (ui.selected === id) return;
  dirty.selectionChanged ??= { from: ui.selected }; // several selects in one frame: the first highlighted row is the one to clear
  ui.selected = id;
  dirty.selection = dirty.timeline = true;
}

export function resetModel() {
  model.assocs.clear();
  for (const set of model.byState.values()) set.clear();
  for (const id of model.byState.keys()) dirty.states.add(id);
  model.records = 0;
  dirty.resetViews = true;
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
    if (ui.selected === null) select(id);
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
    if (a.live || id === ui.selected) continue;
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
  if (a.id === ui.selected) dirty.timeline = true;
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
  if (a.id === ui.selected) dirty.timeline = true;
}

export function onRecord(r) {
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
      if (r.status === 'done' && wasLive) {
        model.byState.get(a.state)?.delete(a.id);
        dirty.states.add(a.state);
        a.live = false;
        a.ending = r.ending || 'ended';
        dirty.urgent = true;
        addEntry(a, { kind: 'actor', ts: r.ts, text: `association ended · ${a.ending}`, ending: a.ending });
      } else if (r.status === 'done') {
        if (r.ending) a.ending = r.ending;
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
      if (a.id === ui.selected) dirty.selection = true;
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
