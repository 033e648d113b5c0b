// The selected association's header and its timeline. Each render function touches only what
// changed since the last frame.

import { bytesOf, dimseCount, durationOf, inflightBytes, model, ui } from './model.js';
import { $, el, endingClass, fmtBytes, fmtDuration, fmtInt, fmtTime, put, shortMeaning } from './util.js';

const TIMELINE_SHOWN = 300; // entries rendered for the selected association (the newest)

const headState = { key: null, duration: null, traffic: null };

/** After a reconnect: the timeline is rebuilt from the replayed backlog. */
export function resetPanels() {
  timelineView.rebuild = true;
  headState.key = null;
}

/** Restarts the timeline for the newly selected association. */
export function selectionChanged() {
  timelineView.rebuild = true;
}

/** The timeline follows new entries while it is scrolled to the bottom. */
export function onTimelineScroll(list) {
  timelineView.stick = list.scrollTop + list.clientHeight >= list.scrollHeight - 24;
}

// ---------------------------------------------------------------- timeline

const timelineView = { rebuild: true, stick: true, items: new Map(), revs: new Map(), inflight: null };

const arrow = (dir) => el('span', dir === 'in' ? 'arrow-in' : 'arrow-out', dir === 'in' ? '◀ in ' : 'out ▶ ');

function statusClass(status) {
  const code = parseInt(status, 16);
  if (!Number.isFinite(code)) return '';
  if (code === 0) return 'st-ok';
  if (code === 0xff00 || code === 0xff01) return 'st-pending';
  if (code === 0xfe00) return 'st-warn';
  if (code === 0x0001 || code === 0x0107 || code === 0x0116 || (code >= 0xb000 && code <= 0xbfff)) return 'st-warn';
  return 'st-bad';
}

/**
 * An expandable "details" of an A-ASSOCIATE-RQ/AC: key: value lines and the presentation
 * contexts table, built when first opened (a storescu proposes 128 contexts).
 */
function negotiationDetails(pduType, d) {
  const box = el('details', 'negotiation');
  const n = Array.isArray(d.contexts) ? d.contexts.length : 0;
  const accepted = pduType === 'A-ASSOCIATE-AC' ? d.contexts.filter((c) => c.accepted).length : null;
  box.append(el('summary', '', pduType === 'A-ASSOCIATE-AC' ? `negotiated contexts: ${accepted} of ${n} accepted · details` : `proposed contexts: ${n} · details`));
  box.addEventListener('toggle', () => {
    if (box.open && box.childElementCount === 1) box.append(...negotiationBody(pduType, d));
  });
  return box;
}

function negotiationBody(pduType, d) {
  const n = Array.isArray(d.contexts) ? d.contexts.length : 0;
  const parts = [];
  const dl = el('dl', 'kv');
  const kv = (k, v) => {
    if (v === undefined || v === null || v === '') return;
    dl.append(el('dt', '', k), el('dd', '', String(v)));
  };
  kv('calling → called AE', d.callingAE !== undefined ? `${d.callingAE} → ${d.calledAE}` : '');
  kv('application context', d.applicationContext);
  kv('Maximum Length', d.maxLength === 0 ? '0 (unlimited)' : d.maxLength);
  kv('implementation class UID', d.implementationClassUid);
  kv('implementation version', d.implementationVersionName);
  if (d.asyncOpsWindow) kv('asynchronous operations', `invoked ${d.asyncOpsWindow.maxInvoked}, performed ${d.asyncOpsWindow.maxPerformed}`);
  if (Array.isArray(d.roleSelections) && d.roleSelections.length) kv('role selection', d.roleSelections.map((r) => `${r.sopClass}: ${r.roles}`).join('; '));
  if (d.userIdentity) kv('user identity', `${d.userIdentity.type}${d.userIdentity.positiveResponseRequested ? ', positive response requested' : ''}`);
  if (d.userIdentityResponse) kv('user identity', 'server response present');
  if (Array.isArray(d.extendedNegotiation)) kv('extended negotiation', d.extendedNegotiation.join('; '));
  parts.push(dl);
  if (n) {
    const ac = pduType === 'A-ASSOCIATE-AC';
    const table = el('table', ac ? 'contexts ac' : 'contexts rq');
    const head = el('tr');
    for (const h of ac ? ['ID', 'Abstract syntax', 'Result', 'Transfer syntax'] : ['ID', 'Abstract syntax', 'Proposed transfer syntaxes']) head.append(el('th', '', h));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    for (const c of d.contexts) {
      const tr = el('tr', ac ? (c.accepted ? 'pc-ok' : 'pc-no') : '');
      tr.append(el('td', 'mono', String(c.id)), el('td', '', c.abstractSyntax || '(not in the RQ)'));
      if (ac) {
        tr.append(el('td', '', c.result), el('td', '', c.transferSyntax || '—'));
        if (c.proposed?.length) tr.title = `proposed: ${c.proposed.join(', ')}`;
      }
      else tr.append(el('td', '', (c.transferSyntaxes ?? []).join(', ')));
      tbody.append(tr);
    }
    table.append(thead, tbody);
    const scroll = el('div', 'contexts-scroll');
    scroll.append(table);
    parts.push(scroll);
  }
  return parts;
}

function entryItem(e) {
  const li = el('li', `k-${e.kind}`);
  li.dataset.kind = e.kind;
  li.append(el('span', 't', fmtTime(e.ts)));
  const x = el('span', 'x');
  let tag = e.kind;
  const t = model.table;
  switch (e.kind) {
    case 'transition': {
      tag = 'state';
      x.append(el('b', '', `${e.from} → ${e.to}`), document.createTextNode(`  ${e.evt} / ${e.acts.join(', ') || '—'}`));
      x.append(el('div', 'sub meaning', `${shortMeaning(t?.events?.[e.evt])} → ${e.acts.map((act) => t?.actions?.[act] ?? act).join('; ')}`));
      li.title = [`${e.evt}: ${t?.events?.[e.evt] ?? ''}`, ...e.acts.map((act) => `${act}: ${t?.actions?.[act] ?? ''}`), `${e.to}: ${t?.states?.[e.to] ?? ''}`].join('\n');
      li.dataset.transition = `${e.from}>${e.to}`;
      break;
    }
    case 'pdu':
      tag = 'pdu';
      li.dataset.pdu = e.pduType;
      x.append(arrow(e.dir), el('b', '', e.pduType), el('span', 'sub', `  ${fmtBytes(e.len || 0)}`));
      if (e.summary) x.append(el('div', `sub summary${/RJ|ABORT/.test(e.pduType) ? ' bad' : ''}`, e.summary));
      if (e.detail && Array.isArray(e.detail.contexts)) x.append(negotiationDetails(e.pduType, e.detail));
      break;
    case 'dimse': {
      tag = 'dimse';
      li.dataset.command = e.command;
      x.append(arrow(e.dir), el('b', '', e.command), el('span', 'mono', ` #${e.messageId}`));
      if (e.sopClass) x.append(el('span', 'sub', `  ${e.sopClass}`));
      if (e.status) x.append(el('span', `status-code ${statusClass(e.status)}`, `  ${e.status}`));
      const bits = [];
      if (typeof e.pdus === 'number') bits.push(`P-DATA-TF ×${fmtInt(e.pdus)} · ${fmtBytes(e.pduBytes || 0)}`);
      if (typeof e.datasetBytes === 'number' && e.datasetBytes > 0) bits.push(`data set ${fmtBytes(e.datasetBytes)}`);
      if (e.incomplete) bits.push('incomplete: the association ended first');
      if (e.summary) bits.push(e.summary);
      if (bits.length) x.append(el('div', 'sub', bits.join(' · ')));
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

/** The line under the last entry while a long message's P-DATA is still arriving or leaving. */
function renderInflight(list, a) {
  const bytes = inflightBytes(a);
  if (!bytes) {
    timelineView.inflight?.remove();
    timelineView.inflight = null;
    return;
  }
  let li = timelineView.inflight;
  if (!li) {
    li = timelineView.inflight = el('li', 'inflight');
    li.append(el('span', 't', ''), el('span', 'tag', 'p-data'), el('span', 'x'));
  }
  li.lastChild.textContent = `P-DATA in progress: ${fmtBytes(bytes)} so far of a message not yet complete`;
  if (li !== list.lastChild) list.append(li);
}

export function renderTimeline() {
  const list = $('#timeline');
  const a = ui.selected ? model.assocs.get(ui.selected) : null;
  if (!a) {
    list.replaceChildren();
    timelineView.items.clear();
    timelineView.inflight = null;
    return;
  }
  const entries = a.entries.slice(-TIMELINE_SHOWN);
  const firstId = entries.length ? entries[0].id : Infinity;
  const rebuilt = timelineView.rebuild;
  if (rebuilt) {
    timelineView.rebuild = false;
    timelineView.items.clear();
    timelineView.revs.clear();
    timelineView.inflight = null;
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
      if (timelineView.inflight?.parentNode === list) list.insertBefore(fresh, timelineView.inflight);
      else list.append(fresh);
      appended = true;
    }
    timelineView.items.set(e.id, fresh);
    timelineView.revs.set(e.id, e.rev);
  }
  renderInflight(list, a);
  if ((timelineView.stick && appended) || rebuilt) {
    timelineView.stick = true;
    list.scrollTop = 1e9; // clamped to the end; no layout read
  }
}

/** The selected association's header: rebuilt when what it shows changes, its duration and traffic updated in place. */
export function renderSelectedHead() {
  const head = $('#selected-head');
  const a = ui.selected ? model.assocs.get(ui.selected) : null;
  const key = a
    ? [a.id, a.state, a.live, a.imported, a.ending, a.role, a.peer, a.callingAE, a.calledAE, a.contexts?.accepted, a.contexts?.total, model.offline ? 1 : 0].join('|')
    : '';
  if (key !== headState.key) {
    headState.key = key;
    if (!a) {
      headState.duration = headState.traffic = null;
      head.replaceChildren(el('h2', '', 'Timeline'), el('p', 'muted', 'Select an association.'));
      return;
    }
    buildSelectedHead(head, a);
  }
  if (!a) return;
  const [bin, bout] = bytesOf(a);
  put(headState.duration, `${fmtDuration(durationOf(a))}${a.live ? ' so far' : ''}`);
  put(headState.traffic, `${fmtInt(dimseCount(a))} DIMSE · in ${fmtBytes(bin)} · out ${fmtBytes(bout)}`);
}

function buildSelectedHead(head, a) {
  const title = el('div', 'title');
  const status = el('span', a.live ? 'status-live' : endingClass(a.ending), a.live ? 'live' : a.imported ? 'imported' : 'ended');
  const actions = el('span', 'actions');
  const button = (action, text, tip) => {
    const b = el('button', '', text);
    b.type = 'button';
    b.dataset.action = action;
    b.title = tip;
    actions.append(b);
  };
  button('export-json', 'Export JSON', 'Save this association\'s records as a .json file (the live page can import it)');
  if (!model.offline) button('export-html', 'Export HTML', 'Save this timeline as one self-contained .html file that opens without a server');
  title.append(el('h2', '', a.id), el('span', `chip ${a.state.toLowerCase()}`, a.state), status, actions);
  const dl = el('dl');
  const row = (k, v, cls) => {
    const dd = el('dd', cls ?? '', v);
    dl.append(el('dt', '', k), dd);
    return dd;
  };
  row('role · peer', `${a.role || '—'} · ${a.peer || '—'}`);
  row('calling → called', `${a.callingAE || '?'} → ${a.calledAE || '?'}`);
  row('state', `${a.state}  ${model.table?.states?.[a.state] ?? ''}`);
  if (a.contexts) row('contexts', a.contexts.accepted === null ? `${a.contexts.total} proposed` : `${a.contexts.accepted} of ${a.contexts.total} accepted`);
  headState.duration = row('duration', '');
  headState.traffic = row('traffic', '');
  if (!a.live) row('ended', a.ending || '—', `ending ${endingClass(a.ending)}`);
  head.replaceChildren(title, dl);
}
