// The association list: one row per association, newest first. Every row is in the page (its
// data-* attributes are kept current, so a filter or a test can read any of them), but only the
// rows near the visible part of the list are drawn: the others are `.far` (content-visibility:
// hidden: their cells are neither laid out nor painted) and their text is brought up to date when
// they come near. Which rows are near is computed from the scroll position and the fixed row
// height, not observed: a new association at the top moves every row down, and an observer
// would need a frame after each move to say so.

import { bytesOf, dimseCount, durationOf, model, ui } from './model.js';
import { $, el, endingClass, endingKind, fmtBytes, fmtDuration, fmtInt, put } from './util.js';

const ROW_H = 27; // .row height in style.css, border included
const HEAD_H = 28; // .row.head height
const NEAR_ROWS = 8; // rows drawn beyond each edge of the visible ones

const COLS = ['id', 'peer', 'ae', 'state', 'num dur', 'num', 'num bytes', 'status'];

const filter = { text: '', liveOnly: false };
// top and height of the scrolled part are taken from scroll and resize events (reading them while
// drawing would lay the page out before the rows are written)
const listView = { rows: null, wrap: null, top: 0, height: 600, onMoved: () => {} };
let template = null;

/** `onMoved()` is called when rows that were far may have come near (scroll, resize, filter): render the list then. */
export function initList(onMoved) {
  listView.rows = $('#assoc-rows');
  listView.wrap = $('.table-wrap');
  listView.onMoved = onMoved;
  listView.wrap.addEventListener('scroll', () => {
    listView.top = listView.wrap.scrollTop;
    listView.onMoved();
  }, { passive: true });
  new ResizeObserver((entries) => {
    listView.height = entries[entries.length - 1].contentRect.height;
    listView.onMoved();
  }).observe(listView.wrap);
}

export function setFilter(text, liveOnly) {
  filter.text = text.trim().toLowerCase();
  filter.liveOnly = liveOnly;
  for (const a of model.assocs.values()) if (a.row) a.row.hidden = !rowVisible(a);
  listView.onMoved();
}

/** After a reconnect: the list is rebuilt from the replayed backlog. */
export function resetList() {
  listView.rows.replaceChildren();
}

/** Moves the row highlight from the association `from` to the selected one. */
export function moveHighlight(from) {
  if (from) model.assocs.get(from)?.row?.classList.remove('selected');
  model.assocs.get(ui.selected)?.row?.classList.add('selected');
}

/** Whether an association's row is drawn (near the visible part of the list). */
export const rowDrawn = (a) => a.row !== null && !a.far;

function rowVisible(a) {
  if (filter.liveOnly && !a.live) return false;
  if (!filter.text) return true;
  const hay = `${a.id} ${a.peer} ${a.callingAE} ${a.calledAE} ${a.state} ${a.role} ${a.ending}`.toLowerCase();
  return hay.includes(filter.text);
}

/** An empty row: its cells, each text in its own text node (put changes them in place). */
function newTemplate() {
  const tr = el('div', 'row');
  tr.setAttribute('role', 'row');
  for (const cls of COLS) {
    const cell = el('span', cls);
    cell.setAttribute('role', 'cell');
    tr.append(cell);
  }
  const c = tr.children;
  c[0].append(el('span', 'aid'), el('span', 'role'));
  c[3].append(el('span', 'chip'));
  for (const node of [c[0].firstChild, c[0].lastChild, c[1], c[2], c[3].firstChild, c[4], c[5], c[6], c[7]]) node.append(document.createTextNode(''));
  return tr;
}

const setAttr = (node, name, value) => {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
};

/** What a row says without being drawn: its data-* attributes, classes and whether the filter shows it. */
function rowFlags(a, tr) {
  setAttr(tr, 'data-current-state', a.state);
  setAttr(tr, 'data-status', a.live ? 'live' : 'ended');
  setAttr(tr, 'data-ending', a.live ? '' : endingKind(a.ending));
  if (tr.classList.contains('ended') === a.live) tr.classList.toggle('ended', !a.live);
  const selected = a.id === ui.selected;
  if (tr.classList.contains('selected') !== selected) tr.classList.toggle('selected', selected);
  const hidden = !rowVisible(a);
  if (tr.hidden !== hidden) tr.hidden = hidden;
}

/** A row's cells. */
function fillRow(a, tr) {
  const c = tr.children;
  put(c[0].firstChild, a.id);
  put(c[0].lastChild, a.imported ? 'imported' : a.role === 'requestor' ? 'SCU' : a.role === 'acceptor' ? 'SCP' : '');
  setAttr(c[0].lastChild, 'title', a.imported ? `imported from ${a.importedFrom || 'a file'}` : a.role === 'requestor' ? 'requestor (we called the peer)' : a.role === 'acceptor' ? 'acceptor (the peer called us)' : '');
  put(c[1], a.peer || '—');
  put(c[2], a.callingAE || a.calledAE ? `${a.callingAE || '?'} → ${a.calledAE || '?'}` : '—');
  const chip = c[3].firstChild;
  const chipClass = `chip ${a.state.toLowerCase()}`;
  if (chip.className !== chipClass) chip.className = chipClass;
  put(chip, a.state);
  setAttr(chip, 'title', model.table?.states?.[a.state] ?? '');
  put(c[4], fmtDuration(durationOf(a)));
  put(c[5], fmtInt(dimseCount(a)));
  const [bin, bout] = bytesOf(a);
  put(c[6], `${fmtBytes(bin)} / ${fmtBytes(bout)}`);
  put(c[7], a.live ? 'live' : a.ending || 'ended');
  const statusClass = a.live ? 'status status-live' : `status ${endingClass(a.ending)}`;
  if (c[7].className !== statusClass) c[7].className = statusClass;
  setAttr(c[7], 'title', a.live ? '' : a.ending);
  a.stale = false;
}

/**
 * Brings the list up to date: rows for the new associations in `ids` (at most `budget` of them;
 * the others stay in `ids` for the next frame), the attributes of every row in `ids`, and the cells
 * of the near rows that changed or came near. Returns how many new rows are left for later.
 */
export function renderList(ids, budget) {
  let created = 0;
  for (const id of ids) {
    const a = model.assocs.get(id);
    if (!a) {
      ids.delete(id);
      continue;
    }
    if (a.row || created >= budget) continue;
    const tr = (template ??= newTemplate()).cloneNode(true);
    tr.dataset.assoc = a.id;
    tr.assoc = a;
    a.row = tr;
    a.far = false;
    a.stale = true;
    listView.rows.prepend(tr); // newest first
    created++;
  }
  const first = Math.floor((listView.top - HEAD_H) / ROW_H) - NEAR_ROWS;
  const last = Math.ceil((listView.top + listView.height - HEAD_H) / ROW_H) + NEAR_ROWS;
  // Rows in list order; `i` counts the rows the filter shows (hidden rows take no room).
  let i = 0;
  for (let tr = listView.rows.firstElementChild; tr; tr = tr.nextElementSibling) {
    const a = tr.assoc;
    const changed = ids.has(a.id);
    if (changed) rowFlags(a, tr);
    if (tr.hidden) {
      if (changed) a.stale = true;
      continue;
    }
    const near = (i >= first && i <= last) || a.id === ui.selected;
    i++;
    if (near) {
      if (a.far) {
        a.far = false;
        tr.classList.remove('far');
      }
      if (changed || a.stale) fillRow(a, tr);
    } else {
      if (!a.far) {
        a.far = true;
        tr.classList.add('far');
      }
      if (changed) a.stale = true;
    }
  }
  for (const id of ids) if (model.assocs.get(id)?.row) ids.delete(id);
  return ids.size;
}
