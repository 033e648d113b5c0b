// netdicom live inspector page. Plain JS + SVG, no libraries, talks only to its own origin:
// GET /graph.json (diagram), GET /table.json (PS3.8 wording), WebSocket /inspect (records, see
// visualize/protocol.ts). Records update a model at once; the DOM is updated at most once per
// animation frame, and only the parts that changed. Opened from an exported .html file, the
// same code shows the embedded timeline with no server at all.

import { drawDiagram, hideTip, initTooltip, onDiagramHover, renderBadges, renderSelectionOnDiagram, resetDiagramSelection } from './diagram.js';
import { dirty, model, onRecord, resetModel, select, ui, importTimeline } from './model.js';
import { initRows, onTimelineScroll, renderRow, renderSelectedHead, renderTimeline, resetPanels, rowInView, selectionChanged, setFilter } from './panels.js';
import { embeddedExport, exportHtml, exportJson, importFile } from './transfer.js';
import { $, fmtInt } from './util.js';

const COUNTER_MS = 250; // rows whose only change is a counter are refreshed at most this often
const ROWS_MS = 100; // rows with a new state or ending: at most this often (100 busy associations change every frame)
const ROWS_PER_FRAME = 25; // rows drawn (created or changed) per frame at most
const CLOCK_MS = 1000; // live durations tick this often

// At most five renders a second while records stream, fewer the more associations are live (each
// frame redraws their rows; 100 live: about one a second): enough to follow, and the page does not
// compete with the SCP it watches for the CPU. What the user does is drawn at once.
const FRAME_MS = 250;
const FRAME_MS_PER_LIVE = 8;
const FRAME_MS_MAX = 1000;

let countersAt = 0; // when rows and header were last refreshed
let rowsAt = 0; // when rows were last refreshed
let frame = 0;
let timer = 0;
let renderedAt = -Infinity;
let liveNow = 0; // live associations at the last header refresh
let notice = ''; // the last import/export message

/**
 * Asks for a render: on the next animation frame, but no sooner than FRAME_MS after the last one
 * (`now`: at once, for what the user just did). With a hundred busy associations records arrive
 * every millisecond; drawing them ten times a second keeps the page (and the machine) free.
 */
function schedule(now = false) {
  if (frame) return;
  const interval = Math.min(FRAME_MS_MAX, FRAME_MS + FRAME_MS_PER_LIVE * liveNow);
  const wait = now ? 0 : interval - (performance.now() - renderedAt);
  if (wait <= 0) {
    clearTimeout(timer);
    timer = 0;
    frame = requestAnimationFrame(render);
  } else if (!timer) {
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
  if ((dirty.urgent && now - rowsAt >= ROWS_MS) || counters) {
    rowsAt = now;
    if (dirty.rows.has(ui.selected)) dirty.selection = true;
    // A burst of new associations is drawn over several frames, ROWS_PER_FRAME rows each, so no
    // frame has to lay out hundreds of new rows at once; the rest follow in the next frame.
    let n = 0;
    for (const id of dirty.rows) {
      if (n >= ROWS_PER_FRAME) break;
      const a = model.assocs.get(id);
      if (a) n += renderRow(a) ? 1 : 0;
      dirty.rows.delete(id);
    }
    if (dirty.rows.size === 0) dirty.urgent = false;
    else pending = true;
  }
  $('#empty').hidden = model.assocs.size > 0;
  if (dirty.selectionChanged) {
    selectionChanged(dirty.selectionChanged.from);
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
  if (pending) schedule(true); // rows left over from a burst
  else if (dirty.rows.size || dirty.header) schedule(); // counters still to show
}

function renderHeader() {
  let live = 0;
  for (const a of model.assocs.values()) if (a.live) live++;
  liveNow = live;
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
  // batch=1: the server sends the records of each of its event-loop turns as one JSON array.
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/inspect?batch=1`);
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
    for (const one of Array.isArray(r) ? r : [r]) if (one && typeof one === 'object' && typeof one.kind === 'string') onRecord(one);
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
  initRows((id) => {
    dirty.rows.add(id);
    dirty.urgent = true;
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
      if (!a.live || !rowInView(a)) continue;
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
