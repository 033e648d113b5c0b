// The page's model of every association, built from inspector records (visualize/protocol.ts).
// onRecord() only updates data and marks what changed in `dirty`; app.js renders once per frame.
// Everything is bounded: timeline entries and raw records per association, ended associations kept.

import { isDataCell } from './util.js';

const TIMELINE_KEPT = 2000; // entries kept per association
const RECORDS_KEPT = 5000; // raw records kept per association, for export
const ENDED_KEPT = 500; // ended associations kept in the list ("recently closed")

export const model = {
  graph: null,
  table: null,
  assocs: new Map(), // id -> association, in order of first appearance
  byState: new Map(), // StateId -> Set of live association ids
  records: 0,
  live: 0, // associations live now
  dropped: 0,
  drops: 0, // drop records received
  lastError: '',
  imports: [], // { id, file } of imported timelines, fed again after a reconnect
  offline: null, // the export this page was opened from (self-contained HTML), else null
  skew: Infinity, // least (arrival − ts) over live records: this page's clock minus the server's, plus the smallest delay
  rowGone: (row) => row.remove(), // a forgotten association's row leaves the page
};

/** The server's clock now, as far as record times tell (its clock may differ from this page's). */
export function serverNow() {
  return Date.now() - (Number.isFinite(model.skew) ? model.skew : 0);
}

/** How long the association has lived; a live one until now by the server's clock (as estimated from record times). */
export function durationOf(a) {
  const end = a.live ? Math.max(a.lastTs, serverNow()) : a.endTs || a.lastTs;
  return end - a.first;
}

export const dirty = {
  rows: new Set(), urgent: false, states: new Set(), selection: true, timeline: true, header: true,
  rebuildRows: false, resetViews: false, selectionChanged: null,
};

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
  model.live = 0;
  shared.clear();
  for (const set of model.byState.values()) set.clear();
  for (const id of model.byState.keys()) dirty.states.add(id);
  model.records = 0;
  dirty.resetViews = true;
  dirty.rebuildRows = true;
  dirty.selection = dirty.timeline = dirty.header = true;
  for (const imp of model.imports) importTimeline(imp.file, imp.id);
}

function getAssoc(id, ts) {
  let a = model.assocs.get(id);
  if (!a) {
    a = {
      id, role: '', peer: '', callingAE: '', calledAE: '', state: 'Sta1', live: true, ending: '', imported: false,
      first: ts, lastTs: ts, endTs: 0, last: null, taken: new Set(), visited: new Set(['Sta1']),
      entries: [], nextEntry: 1, forgotten: 0, dimse: 0, bytesIn: 0, bytesOut: 0, seenIn: 0, seenOut: 0, pdata: 0, statsBytes: 0, msgBytes: 0,
      contexts: null, records: [], recordsCut: 0, started: false,
      row: null, far: false, stale: false, // its row in the list (list.js)
    };
    model.assocs.set(id, a);
    model.live++;
    dirty.urgent = true;
    if (ui.selected === null) select(id);
    forgetEnded();
  }
  a.lastTs = ts;
  return a;
}

function enterLive(a, state) {
  if (!a.live || a.imported) return;
  model.byState.get(state)?.add(a.id);
  dirty.states.add(state);
}

function leaveLive(a, state) {
  if (!a.live || a.imported) return;
  model.byState.get(state)?.delete(a.id);
  dirty.states.add(state);
}

function forgetEnded() {
  const ended = model.assocs.size - model.live;
  if (ended <= ENDED_KEPT * 1.1) return;
  let excess = ended - ENDED_KEPT;
  for (const [id, a] of model.assocs) {
    if (excess <= 0) break;
    if (a.live || a.imported || id === ui.selected) continue;
    if (a.row) model.rowGone(a.row);
    model.assocs.delete(id);
    excess--;
  }
}

function setState(a, to) {
  if (a.state === to) return;
  dirty.urgent = true;
  a.rowUrgent = true;
  leaveLive(a, a.state);
  enterLive(a, to);
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
  return entry;
}

/** Consecutive P-DATA traffic reported PDU by PDU (P-DATA-TF records, DT-1/DT-2/AR-6/AR-7 cells) is folded into one entry. */
function fold(a, ts, { pdus = 0, bytes = 0, dir = '', cells = 0, act = '' }) {
  let e = a.entries[a.entries.length - 1];
  if (!e || e.kind !== 'fold') e = addEntry(a, { kind: 'fold', ts, lastTs: ts, pdus: 0, bytes: 0, in: 0, out: 0, cells: 0, acts: new Set() });
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

/** Accepted and proposed presentation contexts, from the A-ASSOCIATE-AC detail (or the RQ's until then). */
function noteContexts(a, pduType, d) {
  if (!d || !Array.isArray(d.contexts)) return;
  if (pduType === 'A-ASSOCIATE-AC') a.contexts = { total: d.contexts.length, accepted: d.contexts.filter((c) => c.accepted).length };
  else if (pduType === 'A-ASSOCIATE-RQ' && !a.contexts) a.contexts = { total: d.contexts.length, accepted: null };
}

// Values many records share, sent once per connection (visualize/protocol.ts SharedValue).
const SHARED_KEPT = 512;
const shared = new Map(); // id -> value, most recently received last

/**
 * One element of a stream message: a shared value is kept; a record has the shared values it
 * refers to (`{"$shared": id}` in its detail) put back in place, then is applied.
 */
export function onStreamItem(x) {
  if (x.kind === 'shared') {
    shared.delete(x.id);
    shared.set(x.id, x.value);
    if (shared.size > SHARED_KEPT) shared.delete(shared.keys().next().value);
    return;
  }
  const d = x.detail;
  if (d && typeof d === 'object') {
    for (const k of Object.keys(d)) {
      const v = d[k];
      if (v && typeof v === 'object' && typeof v.$shared === 'number') d[k] = shared.get(v.$shared) ?? null;
    }
  }
  onRecord(x);
}

/** Applies one record. `as` files it under another association id (an imported timeline). */
export function onRecord(r, as) {
  model.records++;
  dirty.header = true;
  if (r.kind === 'drop') {
    model.dropped += Number(r.dropped) || 0;
    model.drops++;
    return;
  }
  if (!r.assoc) {
    if (r.kind === 'error') model.lastError = `${r.error?.name}: ${r.error?.message}`;
    return;
  }
  if (!as && typeof r.ts === 'number') model.skew = Math.min(model.skew, Date.now() - r.ts);
  const id = as ?? r.assoc;
  const fresh = !model.assocs.has(id);
  const a = getAssoc(id, r.ts);
  if (fresh && as) a.imported = true;
  if (fresh) enterLive(a, 'Sta1');
  if (a.records.length >= RECORDS_KEPT) {
    a.records.splice(0, RECORDS_KEPT / 5);
    a.recordsCut += RECORDS_KEPT / 5;
  }
  a.records.push(r);
  dirty.rows.add(a.id);
  switch (r.kind) {
    case 'actor': {
      if (r.role) a.role = r.role;
      if (r.peer) a.peer = r.peer;
      if (r.callingAE) a.callingAE = r.callingAE;
      if (r.calledAE) a.calledAE = r.calledAE;
      if (typeof r.bytesIn === 'number') a.bytesIn = r.bytesIn;
      if (typeof r.bytesOut === 'number') a.bytesOut = r.bytesOut;
      if (typeof r.bytesIn === 'number' || typeof r.bytesOut === 'number') a.socketBytes = true;
      if (typeof r.dimseMessages === 'number') a.dimseDone = r.dimseMessages;
      if (r.status === 'done' && a.live) {
        leaveLive(a, a.state);
        a.live = false;
        model.live--;
        a.ending = r.ending || 'ended';
        a.endTs = r.ts;
        dirty.urgent = true;
        a.rowUrgent = true;
        addEntry(a, { kind: 'actor', ts: r.ts, text: `association ended · ${a.ending}`, ending: a.ending });
      } else if (r.status === 'done') {
        if (r.ending) a.ending = r.ending;
      } else if (!a.started) {
        a.started = true;
        a.first = r.ts;
        addEntry(a, { kind: 'actor', ts: r.ts, text: `association started · ${r.role || 'unknown role'}${r.peer ? ` · peer ${r.peer}` : ''}` });
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
      const d = r.detail && typeof r.detail === 'object' ? r.detail : null;
      if (r.dir === 'in') a.seenIn += r.len || 0;
      else a.seenOut += r.len || 0;
      if (d) {
        if (!a.callingAE && typeof d.callingAE === 'string') a.callingAE = d.callingAE;
        if (!a.calledAE && typeof d.calledAE === 'string') a.calledAE = d.calledAE;
        noteContexts(a, r.pduType, d);
      }
      if (r.pduType === 'P-DATA-TF') {
        a.pdata += r.len || 0;
        fold(a, r.ts, { pdus: 1, bytes: r.len || 0, dir: r.dir });
      } else addEntry(a, { kind: 'pdu', ts: r.ts, dir: r.dir, pduType: r.pduType, len: r.len, summary: r.summary || '', detail: d });
      break;
    }
    case 'dimse':
      a.dimse++;
      if (typeof r.pduBytes === 'number') {
        a.msgBytes += r.pduBytes;
        if (r.dir === 'in') a.seenIn += r.pduBytes;
        else a.seenOut += r.pduBytes;
      }
      addEntry(a, {
        kind: 'dimse', ts: r.ts, dir: r.dir, command: r.command, messageId: r.messageId, sopClass: r.sopClass || '', status: r.status || '',
        datasetBytes: r.datasetBytes, pdus: r.pdus, pduBytes: r.pduBytes, incomplete: r.incomplete === true, summary: r.summary || '',
      });
      if (a.id === ui.selected) dirty.selection = true;
      break;
    case 'stats':
      a.pdata += r.bytes || 0;
      a.statsBytes += r.bytes || 0;
      if (a.id === ui.selected) dirty.timeline = true;
      break;
    case 'error':
      addEntry(a, { kind: 'error', ts: r.ts, text: `${r.error?.name}: ${r.error?.message}${r.error?.code ? ` (${r.error.code})` : ''}` });
      break;
    default:
      break;
  }
}

/** DIMSE messages: the done record's count once it came (it knows messages the backlog no longer had), else the records so far. */
export function dimseCount(a) {
  return typeof a.dimseDone === 'number' ? Math.max(a.dimseDone, a.dimse) : a.dimse;
}

/** Bytes in and out: the socket's count from the done record, else the PDUs and messages seen so far. */
export function bytesOf(a) {
  return a.socketBytes ? [a.bytesIn, a.bytesOut] : [a.seenIn, a.seenOut];
}

/** P-DATA bytes reported by stats but not yet by a complete DIMSE message: a message in progress. */
export function inflightBytes(a) {
  return a.live ? Math.max(0, a.statsBytes - a.msgBytes) : 0;
}

// ---------------------------------------------------------------- export / import

export const EXPORT_FORMAT = 'netdicom-inspector-timeline';

/** One association's timeline as a JSON-able object (visualize/protocol.ts TimelineExport). */
export function exportTimeline(id) {
  const a = model.assocs.get(id);
  if (!a) throw new Error(`no association ${id}`);
  return {
    format: EXPORT_FORMAT, v: 1, exportedAt: new Date().toISOString(), source: String(location.href),
    assoc: a.records[0]?.assoc ?? id, ...(a.recordsCut ? { recordsCut: a.recordsCut } : {}), records: a.records,
  };
}

/** Checks an export's shape; returns an error message or ''. */
export function exportProblem(file) {
  if (!file || typeof file !== 'object') return 'not a JSON object';
  if (file.format !== EXPORT_FORMAT) return `not a netdicom inspector timeline (format ${JSON.stringify(file.format)})`;
  if (file.v !== 1) return `unsupported version ${file.v}`;
  if (!Array.isArray(file.records)) return 'no records';
  if (file.records.some((r) => !r || typeof r !== 'object' || typeof r.kind !== 'string')) return 'a record is not an inspector record';
  return '';
}

/** Feeds an exported timeline into the model as its own association; returns its id in the list. */
export function importTimeline(file, id) {
  const problem = exportProblem(file);
  if (problem) throw new Error(problem);
  if (!id) {
    const base = `${file.assoc || 'assoc'} (imported)`;
    id = base;
    for (let n = 2; model.assocs.has(id) || model.imports.some((i) => i.id === id); n++) id = `${base.slice(0, -1)} ${n})`;
    model.imports.push({ id, file });
  }
  for (const r of file.records) if (r.assoc) onRecord(r, id);
  const a = model.assocs.get(id);
  if (a) {
    a.imported = true;
    a.importedFrom = file.source || '';
    if (a.live) {
      a.live = false;
      model.live--;
      a.ending ||= 'still live when exported';
    }
    dirty.rows.add(id);
    dirty.urgent = true;
  }
  return id;
}
