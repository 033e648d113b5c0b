// Export of one association's timeline (a .json file of its records, or one self-contained
// .html file that opens from file:// without a server) and import of a .json export.

import { exportTimeline, importTimeline, model } from './model.js';

/** Element id of the data an exported HTML file carries: { graph, table, export }. */
export const EMBED_ID = 'inspector-export';

const safeName = (id) => id.replace(/[^A-Za-z0-9._-]+/g, '_');

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Saves `<id>.timeline.json`. */
export function exportJson(id) {
  download(`${safeName(id)}.timeline.json`, 'application/json', `${JSON.stringify(exportTimeline(id))}\n`);
}

async function text(path) {
  const res = await fetch(path, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.text();
}

/** JSON that is safe inside a script element: every "<" escaped, so no end tag or comment opener can appear. */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * Saves `<id>.timeline.html`: the page's markup, style and script inlined, with the diagram,
 * the table wording and this association's records embedded. No request leaves the file.
 */
export async function exportHtml(id) {
  const [index, css, js] = await Promise.all([text('index.html'), text('style.css'), text('bundle.js')]);
  const doc = new DOMParser().parseFromString(index, 'text/html');
  const body = doc.body.innerHTML;
  const icon = doc.querySelector('link[rel="icon"]')?.getAttribute('href') ?? '';
  const data = { graph: model.graph, table: model.table, export: exportTimeline(id) };
  const title = `${id} · netdicom inspector export`;
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</title>`,
    icon.startsWith('data:') ? `<link rel="icon" href="${icon.replace(/"/g, '&quot;')}">` : '',
    `<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`,
    '</head>',
    '<body>',
    body,
    `<script type="application/json" id="${EMBED_ID}">${scriptJson(data)}</script>`,
    `<script>\n${js.replace(/<\/script/gi, '<\\/script')}\n</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  download(`${safeName(id)}.timeline.html`, 'text/html', html);
}

/** Reads a .json export chosen in the file input; returns the new association's id. Throws with a reason. */
export async function importFile(file) {
  let parsed;
  try {
    parsed = JSON.parse(await file.text());
  } catch (err) {
    throw new Error(`${file.name}: not JSON (${err.message})`);
  }
  try {
    return importTimeline(parsed);
  } catch (err) {
    throw new Error(`${file.name}: ${err.message}`);
  }
}

/** The data an exported HTML file carries, or null on the live page. */
export function embeddedExport() {
  const node = document.getElementById(EMBED_ID);
  if (!node) return null;
  return JSON.parse(node.textContent);
}
