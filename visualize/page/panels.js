// The association list, the selected association's header and its timeline. Each render
// function touches only what changed since the last frame.

import { model, ui } from './model.js';
import { $, el, endingClass, fmtBytes, fmtInt, fmtTime } from './util.js';

const TIMELINE_SHOWN = 500; // entries rendered for the selected association

const filter = { text: '', liveOnly: false };
const headState = { key: null };

export function setFilter(text, liveOnly) {
  filter.text = text.trim().toLowerCase();
  filter.liveOnly = liveOnly;
  for (const a of model.assocs.values()) if (a.row) a.row.hidden = !rowVisible(a);
}

/** After a reconnect: the list and the timeline are rebuilt from the replayed backlog. */
export function resetPanels() {
  $('#assoc-rows').replaceChildren();
  timelineView.rebuild = true;
  headState.key = null;
}

/** Moves the row highlight and restarts the timeline for the newly selected association. */
export function selectionChanged(from) {
  if (from) model.assocs.get(from)?.row?.classList.remove('selected');
  model.assocs.get(ui.selected)?.row?.classList.add('selected');
  timelineView.rebuild = true;
}

/** The timeline follows new entries while it is scrolled to the bottom. */
export function onTimelineScroll(list) {
  timelineView.stick = list.scrollTop + list.clientHeight >= list.scrollHeight - 24;
}

function rowVisible(a) {
  if (filter.liveOnly && !a.live) return false;
  if (!filter.text) return true;
  const hay = `${a.id} ${a.peer} ${a.callingAE} ${a.calledAE} ${a.state} ${a.role} ${a.ending}`.toLowerCase();
  return hay.includes(filter.text);
}

export function renderRow(a) {
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
  tr.classList.toggle('selected', a.id === ui.selected);
  tr.hidden = !rowVisible(a);
}

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

export function renderTimeline() {
  const list = $('#timeline');
  const a = ui.selected ? model.assocs.get(ui.selected) : null;
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

export function renderSelectedHead() {
  const head = $('#selected-head');
  const a = ui.selected ? model.assocs.get(ui.selected) : null;
  const key = a ? [a.id, a.state, a.live, a.ending, a.role, a.peer, a.callingAE, a.calledAE, a.dimse, a.pdata, a.bytesIn, a.bytesOut].join('|') : '';
  if (key === headState.key) return;
  headState.key = key;
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
