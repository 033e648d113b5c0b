/**
 * Headless Debian chromium for the page tests (playwright-core, no browser
 * download): launch, the skip rule (missing chromium fails on CI=true, skips
 * elsewhere), a watcher that collects console errors, page errors and any
 * request to another origin, and screenshots into test-output/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { InspectorHub } from '../../visualize/hub.js';
import { startInspectorServer, type InspectorServerOptions } from '../../visualize/server.js';

export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = fs.existsSync(CHROMIUM);
const onCI = process.env.CI === 'true';

/** The node:test `skip` option: a reason off CI when chromium is missing, else false (on CI the test then fails in `launch`). */
export const skipWithoutChromium: string | false = !haveChromium && !onCI ? `${CHROMIUM} not found; install the Debian chromium package to run the page tests` : false;

/** A fresh profile in a temporary folder (removed on close); `viewport` default 1600×1000. */
export async function launch(viewport = { width: 1600, height: 1000 }): Promise<BrowserContext> {
  if (!haveChromium) throw new Error(`${CHROMIUM} is missing and CI=true: the browser tests cannot be skipped on CI`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chr-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  ctx.on('close', () => {
    // Chromium may still be writing its profile as it exits: best effort, later.
    setTimeout(() => fs.rm(profile, { recursive: true, force: true, maxRetries: 3 }, () => {}), 500).unref();
  });
  return ctx;
}

/**
 * Collects what a page must never do: console errors or warnings, uncaught
 * errors, requests to anything but `origins` (http://host:port of the
 * inspector; `file:` for an exported file). data: and blob: URLs are allowed.
 */
export function watchProblems(page: Page, origins: readonly string[]): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.protocol === 'file:' ? origins.includes('file:') : origins.includes(u.origin)) return;
    problems.push(`request to another origin: ${req.url()}`);
  });
  return problems;
}

/** Saves test-output/<name>.png (full viewport) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync('test-output', { recursive: true });
  const file = path.join('test-output', `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The page's first tab. */
export async function firstPage(ctx: BrowserContext): Promise<Page> {
  return ctx.pages()[0] ?? (await ctx.newPage());
}

export const row = (page: Page, assoc: string) => page.locator(`[data-assoc="${assoc}"]`);

/** The timeline's text, one line per entry (time, tag, text), for comparing two renderings. */
export async function timelineLines(page: Page): Promise<string[]> {
  return page.locator('[data-testid=timeline] > li:not(.inflight)').evaluateAll((items) =>
    items.map((li) => {
      const clone = li.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('details').forEach((d) => d.remove());
      const parts: string[] = [];
      const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.nodeValue ?? '');
      return parts.join(' ').replace(/\s+/g, ' ').trim();
    }),
  );
}

/**
 * Exports `assoc`'s timeline from the live page as JSON and as HTML (saved in
 * `dir`), imports the JSON into the same page, and opens the HTML from file://
 * in a new tab. Returns the timeline lines of all three, and the problems of
 * the offline tab (it must make no request but file:/data:).
 */
export async function exportImport(ctx: BrowserContext, page: Page, assoc: string, dir: string): Promise<{
  original: string[];
  imported: string[];
  importedId: string;
  offline: string[];
  offlinePage: Page;
  offlineProblems: string[];
  jsonFile: string;
  htmlFile: string;
}> {
  await row(page, assoc).click();
  await page.waitForSelector(`[data-testid=selected-head] h2:text-is("${assoc}")`);
  const original = await timelineLines(page);

  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-json"]')]);
  const jsonFile = path.join(dir, jsonDl.suggestedFilename());
  await jsonDl.saveAs(jsonFile);
  const [htmlDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-html"]')]);
  const htmlFile = path.join(dir, htmlDl.suggestedFilename());
  await htmlDl.saveAs(htmlFile);

  await page.setInputFiles('[data-testid=import]', jsonFile);
  const importedId = `${assoc} (imported)`;
  await page.waitForSelector(`[data-assoc="${importedId}"]`);
  await page.waitForSelector(`[data-testid=selected-head] h2:text-is("${importedId}")`);
  const imported = await timelineLines(page);

  const offlinePage = await ctx.newPage();
  const offlineProblems = watchProblems(offlinePage, ['file:']);
  await offlinePage.goto(`file://${path.resolve(htmlFile)}`);
  await offlinePage.waitForSelector(`[data-testid=selected-head] h2:text-is("${assoc}")`);
  await offlinePage.waitForSelector('[data-testid=timeline] > li');
  const offline = await timelineLines(offlinePage);
  return { original, imported, importedId, offline, offlinePage, offlineProblems, jsonFile, htmlFile };
}

/**
 * An inspector server on `hub` (options as startInspectorServer's) and a
 * chromium page not yet navigated to it; both are closed after the test.
 * `problems` collects console errors and failed requests from the server.
 */
export async function pageOnHub(t: TestContext, hub: InspectorHub, opts: Omit<InspectorServerOptions, 'hub' | 'port'> = {}) {
  const server = await startInspectorServer({ hub, port: 0, ...opts });
  t.after(() => server.close());
  const ctx = await launch();
  t.after(() => ctx.close());
  const page = await firstPage(ctx);
  const problems = watchProblems(page, [new URL(server.url).origin]);
  return { server, ctx, page, problems };
}
