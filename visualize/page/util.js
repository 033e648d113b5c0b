// Small DOM and formatting helpers shared by the inspector page modules.

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
export const fmtBytes = (n) =>
  n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : n < 1073741824 ? `${(n / 1048576).toFixed(1)} MiB` : `${(n / 1073741824).toFixed(2)} GiB`;
export const fmtInt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export const pad = (n, w = 2) => String(n).padStart(w, '0');
export const fmtTime = (ts) => {
  const d = new Date(ts);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
};
export const isDataCell = (acts) => acts.length > 0 && acts.every((a) => a === 'DT-1' || a === 'DT-2' || a === 'AR-6' || a === 'AR-7');
export const endingClass = (ending) => (!ending || /^release/i.test(ending) ? 'status-release' : 'status-bad');
