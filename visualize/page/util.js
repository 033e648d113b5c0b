// Small DOM and formatting helpers shared by the inspector page modules.
// Page modules import from each other with one-line `import { … } from './x.js';` statements
// only: visualize/page-bundle.ts joins them into one classic script (bundle.js).

export const SVGNS = 'http://www.w3.org/2000/svg';

export const $ = (sel) => document.querySelector(sel);
export const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};
export const svg = (tag, attrs = {}) => {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};
/** Sets a node's text; its one text node is changed in place (a new node would be styled and laid out afresh). */
export const put = (node, text) => {
  const t = node.firstChild;
  if (t && t.nodeType === Node.TEXT_NODE && !t.nextSibling) {
    if (t.data !== text) t.data = text;
  } else if (node.textContent !== text) node.textContent = text;
};
export const fmtBytes = (n) =>
  n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : n < 1073741824 ? `${(n / 1048576).toFixed(1)} MiB` : `${(n / 1073741824).toFixed(2)} GiB`;
export const fmtInt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export const pad = (n, w = 2) => String(n).padStart(w, '0');
export const fmtTime = (ts) => {
  const d = new Date(ts);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
};
/** "0.042 s", "12.3 s", "4 min 05 s", "2 h 03 min". */
export const fmtDuration = (ms) => {
  if (!(ms >= 0)) return '—';
  if (ms < 10_000) return `${(ms / 1000).toFixed(3)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
};
export const isDataCell = (acts) => acts.length > 0 && acts.every((a) => a === 'DT-1' || a === 'DT-2' || a === 'AR-6' || a === 'AR-7');
/** CSS class for how an association ended: a release is normal, anything else is not. */
export const endingClass = (ending) => (!ending || /^release/i.test(ending) ? 'status-release' : 'status-bad');
/** The short label of an ending for the list ("release", "A-ABORT", "A-ASSOCIATE-RJ", …). */
export const endingKind = (ending) => {
  if (!ending) return '';
  const m = /^(release|A-ASSOCIATE-RJ|A-ABORT|A-P-ABORT|transport closed)/i.exec(ending);
  return m ? m[1] : ending.split(/[:(]/)[0].trim();
};
/** A table meaning without its trailing parenthesis: "A-RELEASE-RP PDU". */
export const shortMeaning = (text) => (text ?? '').replace(/\s*\([^)]*\)\s*$/, '');
