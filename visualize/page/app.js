// netdicom live inspector page. Plain JS + SVG, no libraries, talks only to its own origin:
// GET /graph.json (diagram), GET /table.json (PS3.8 wording), WebSocket /inspect (records, see
// visualize/protocol.ts). Records update a model at once; the DOM is updated at most once per
// animation frame, and only the parts that changed. Opened from an exported .html file, the
// same code shows the embedded timeline with no server at all.

import { drawDiagram, hideTip, initTooltip, onDiagramHover, renderBadges, renderSelectionOnDiagram, resetDiagramSelection } from './diagram.js';
import { dirty, model, onStreamItem, resetModel, select, ui, importTimeline } from './model.js';
import { initList, moveHighlight, renderList, resetList, rowDrawn, setFilter } from './list.js';
import { onTimelineScroll, renderSelectedHead, renderTimeline, resetPanels, selectionChanged } from './panels.js';
import { embeddedExport, exportHtml, exportJson, importFile } from './transfer.js';
import { $, fmtInt } from './util.js';

const COUNTER_MS = 250; // rows whose only change is a counter are refreshed at most this often
const ROWS_MS = 100; // rows with a new state or ending: at most this often (100 busy associations change every frame)
const ROWS_PER_FRAME = 60; // new rows per frame at most; the rest ROWS_MS later
const CLOCK_MS = 1000; // live durations tick this often

// At most four renders a second while records stream, fewer the busier the server (from 50 live
// associations or 300 records a second: one a second): enough to follow, and the page does not
// compete with the SCP it watches for the CPU (on a small machine every frame the page draws is
// time the SCP and its peers do not get). What the user does is drawn at once.
const FRAME_MS = 250;
const FRAME_MS_PER_LIVE = 15;
const FRAME_MS_PER_RATE = 2.5; // per record a second
const FRAME_MS_MAX = 1000;
const RATE_MS = 1000; // records a second are counted over this window

let rate = 0; // records a second, over the last full window
let rateAt = 0; // when the current window began
let rateCount = 0; // records in the current window

function countRecords(n) {
  const now = performance.now();
  if (now - rateAt >= RATE_MS) {
    rate = (rateCount * 1000) / (now - rateAt);
    rateAt = now;
    rateCount = 0;
  }
  rateCount += n;
}

/** Records a second: the last full window's, or the current one's once a quarter of it has passed (a burst after a quiet spell counts at once). */
function recordRate(now) {
  return Math.max(rate, (rateCount * 1000) / Math.max(now - rateAt, RATE_MS / 4));
}

let countersAt = 0; // when rows and header were last refreshed
let rowsAt = 0; // when rows were last refreshed
let frame = 0;
let timer = 0;
let renderedAt = -Infinity;
let notice = ''; // the last import/export message
let listMoved = false; // the list scrolled or resized: rows that were far may be near

/**
 * Asks for a render: on the next animation frame, but no sooner than FRAME_MS after the last one,
 * longer with many live associations (`now`: at once, for what the user just did; a number: that
 * many ms after the last render at most). With a hundred busy associations records arrive every
 * millisecond; drawing them once a second keeps the page (and the machine) free.
 */
function schedule(now = false) {
  if (frame) return;
  const t = performance.now();
  const interval = typeof now === 'number' ? now : Math.min(FRAME_MS_MAX, FRAME_MS + Math.max(FRAME_MS_PER_LIVE * model.live, FRAME_MS_PER_RATE * recordRate(t)));
  const wait = now === true ? 0 : interval - (t - renderedAt);
  if (wait <= 0) {
    clearTimeout(timer);
    timer = 0;
    frame = requestAnimationFrame(render);
  } else if (!timer || typeof now === 'number') {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = 0;
      if (!frame) frame = requestAnimationFrame(render);
    }, wait);
  }
}

function render() {
  frame = 0;
  renderedAt = performance.now();
  if (!model.graph) return;
  if (dirty.resetViews) {
    dirty.resetViews = false;
    resetList();
    resetPanels();
    resetDiagramSelection();
  }
  if (dirty.rebuildRows) {
    dirty.rebuildRows = false;
    for (const a of model.assocs.values()) {
      a.row = null;
      dirty.rows.add(a.id);
    }
  }
  const now = performance.now();
  const counters = now - countersAt >= COUNTER_MS;
  let pending = false;
  // (a new selection: its row is drawn even when it was far)
  if ((dirty.urgent && now - rowsAt >= ROWS_MS) || counters || listMoved || dirty.selectionChanged) {
    rowsAt = now;
    listMoved = false;
    if (dirty.rows.has(ui.selected)) dirty.selection = true;
    // A burst of new associations is drawn over several frames, ROWS_PER_FRAME rows each, so no
    // frame has to lay out hundreds of new rows at once; the rest follow ROWS_MS later.
    pending = renderList(dirty.rows, ROWS_PER_FRAME) > 0;
    if (!pending) dirty.urgent = false;
  }
  $('#empty').hidden = model.assocs.size > 0;
  if (dirty.selectionChanged) {
    moveHighlight(dirty.selectionChanged.from);
    selectionChanged();
    dirty.selectionChanged = null;
  }
  renderBadges(dirty.states);
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
    renderHeader();
  }
  if (pending) schedule(ROWS_MS); // rows left over from a burst
  else if (dirty.rows.size || dirty.header) schedule(); // counters still to show
}

function renderHeader() {
  const live = model.live;
  const counts = $('#counts');
  counts.textContent = `${fmtInt(live)} live · ${fmtInt(model.assocs.size - live)} ended · ${fmtInt(model.records)} records`;
  counts.dataset.records = String(model.records - model.drops);
  counts.dataset.live = String(live);
  const drops = $('#drops');
  drops.hidden = model.dropped === 0;
  drops.textContent = `⚠ ${fmtInt(model.dropped)} records dropped: this page fell behind (the server never waits for it); timelines may have gaps`;
  drops.dataset.dropped = String(model.dropped);
  const n = $('#notice');
  const text = [model.lastError ? `⚠ ${model.lastError}` : '', notice].filter(Boolean).join('  ');
  n.textContent = text;
  n.hidden = !text;
}

function say(text) {
  notice = text;
  dirty.header = true;
  countersAt = 0;
  schedule();
}

// ---------------------------------------------------------------- connection

let retry = 0;

function setConn(state, text) {
  const c = $('#conn');
  c.dataset.conn = state;
  c.textContent = text;
}

function connect() {
  // batch=1: the server sends the records of each batch window as one JSON array; shared=1: a
  // contexts table many associations share comes once (visualize/protocol.ts SharedValue).
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/inspect?batch=1&shared=1`);
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
    const items = Array.isArray(r) ? r : [r];
    for (const one of items) if (one && typeof one === 'object' && typeof one.kind === 'string') onStreamItem(one);
    countRecords(items.length);
    schedule();
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

function wireControls() {
  initList(() => {
    listMoved = true;
    schedule(true);
  });
  const diagram = $('#diagram');
  diagram.addEventListener('mousemove', onDiagramHover);
  diagram.addEventListener('mouseleave', hideTip);
  $('#assoc-rows').addEventListener('click', (ev) => {
    const tr = ev.target.closest('[data-assoc]');
    if (!tr) return;
    select(tr.dataset.assoc);
    schedule(true);
  });
  const list = $('#timeline');
  list.addEventListener('scroll', () => onTimelineScroll(list), { passive: true });
  const filterInput = $('#filter');
  const liveOnly = $('#live-only');
  const refilter = () => setFilter(filterInput.value, liveOnly.checked);
  filterInput.addEventListener('input', refilter);
  liveOnly.addEventListener('change', refilter);
  $('#selected-head').addEventListener('click', async (ev) => {
    const b = ev.target.closest('button[data-action]');
    if (!b || !ui.selected) return;
    try {
      if (b.dataset.action === 'export-json') exportJson(ui.selected);
      if (b.dataset.action === 'export-html') await exportHtml(ui.selected);
      say(`exported ${ui.selected}`);
    } catch (err) {
      say(`export failed: ${err.message}`);
    }
  });
  const input = $('#import-file');
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const id = await importFile(file);
      select(id);
      say(`imported ${file.name} as ${id}`);
      schedule(true);
    } catch (err) {
      say(`import failed: ${err.message}`);
    }
  });
  setInterval(() => {
    // live durations
    let any = false;
    for (const a of model.assocs.values()) {
      if (!a.live || !rowDrawn(a)) continue;
      dirty.rows.add(a.id);
      any = true;
    }
    if (any) {
      dirty.selection = true;
      schedule();
    }
  }, CLOCK_MS);
}

async function main() {
  initTooltip($('#tip'));
  const embedded = embeddedExport();
  if (embedded) {
    // An exported .html file: everything is in the file; no server, no WebSocket.
    model.graph = embedded.graph;
    model.table = embedded.table;
    model.offline = embedded.export;
    document.body.classList.add('offline');
    drawDiagram();
    wireControls();
    const id = importTimeline(embedded.export, embedded.export.assoc);
    const a = model.assocs.get(id);
    if (a) a.imported = false; // this page is that association's own copy, not an import into another
    select(id);
    setConn('offline', `offline copy · exported ${embedded.export.exportedAt} from ${embedded.export.source}`);
    schedule();
    return;
  }
  const [graph, table] = await Promise.all([loadJson('/graph.json'), loadJson('/table.json')]);
  model.graph = graph;
  model.table = table;
  drawDiagram();
  wireControls();
  setConn('connecting', 'connecting…');
  connect();
  schedule();
}

main();
