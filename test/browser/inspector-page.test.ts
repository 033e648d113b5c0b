/**
 * The live inspector page in headless Debian chromium (playwright-core, no
 * browser download): backlog replay, live records, association list, state
 * badges, last-edge highlight and the timeline. Saves
 * test-output/inspector-page.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { InspectorHub } from '../../visualize/hub.js';
import { startInspectorServer } from '../../visualize/server.js';
import { acceptorToSta6, bystanders, requestorFindAndRelease } from './inspector-script.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const onCI = process.env.CI === 'true';
const skip = !haveChromium && !onCI ? `${CHROMIUM} not found; install the Debian chromium package to run the page test` : false;

async function launch(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'chr-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1500, height: 760 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const row = (page: Page, assoc: string) => page.locator(`[data-assoc="${assoc}"]`);

test('inspector page shows each association, its current state and its timeline', { skip, timeout: 60_000 }, async (t) => {
  assert.ok(haveChromium, `${CHROMIUM} is missing and CI=true: the browser test cannot be skipped on CI`);

  let clock = Date.UTC(2025, 2, 14, 9, 30, 0);
  const hub = new InspectorHub({ now: () => (clock += 3) });
  const server = await startInspectorServer({ hub, port: 0 });
  t.after(() => server.close());
  const ctx = await launch();
  t.after(() => ctx.close());

  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const problems: string[] = [];
  const origin = new URL(server.url).origin;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol !== 'data:' && u.origin !== origin && `http://${u.host}` !== origin) problems.push(`request to another origin: ${req.url()}`);
  });

  // Backlog: assoc-1 reached Sta6 before the page connected.
  for (const r of acceptorToSta6()) hub.publish(r);
  await page.goto(server.url);
  await page.waitForSelector('[data-assoc="assoc-1"][data-current-state="Sta6"]');
  await page.waitForSelector('[data-testid=connection][data-conn="live"]');

  // Live: assoc-2 opens, queries and releases while the page watches; two more for context.
  for (const r of requestorFindAndRelease()) hub.publish(r);
  for (const r of bystanders()) hub.publish(r);
  await page.waitForSelector('[data-assoc="assoc-2"][data-current-state="Sta1"][data-status="ended"]');
  await page.waitForSelector('[data-assoc="assoc-4"][data-current-state="Sta6"]');

  assert.equal(await row(page, 'assoc-1').getAttribute('data-current-state'), 'Sta6');
  assert.equal(await row(page, 'assoc-1').getAttribute('data-status'), 'live');
  assert.match(await row(page, 'assoc-1').innerText(), /CT_SCANNER_2 → NETDICOM_SCP/);
  assert.equal(await row(page, 'assoc-2').getAttribute('data-current-state'), 'Sta1');
  assert.match(await row(page, 'assoc-2').innerText(), /ended · release/);
  assert.match(await row(page, 'assoc-2').innerText(), /NETDICOM → PACS_MAIN/);
  // Badges list live associations only: assoc-1 and assoc-4 in Sta6, nobody live in Sta1.
  assert.equal(await page.locator('[data-badge="Sta6"]').textContent(), 'assoc-1 assoc-4');
  assert.equal(await page.locator('[data-badge="Sta1"]').getAttribute('visibility'), 'hidden');

  // assoc-1 was selected first (it arrived first): Sta6 is active, the DT-2 loop is the last edge.
  await row(page, 'assoc-1').click();
  await page.waitForSelector('[data-state="Sta6"].active');
  assert.equal(await page.locator('[data-state].active').count(), 1);
  await page.waitForSelector('[data-edge="Sta6>Sta6"].last');
  const timeline1 = await page.locator('[data-testid=timeline]').innerText();
  assert.match(timeline1, /Sta1 → Sta2\s+Evt5 \/ AE-5/);
  assert.match(timeline1, /A-ASSOCIATE-RQ/);
  assert.match(timeline1, /C-ECHO-RSP/);
  // Eight P-DATA-TF PDUs and their DT-2 cells fold into one line.
  assert.match(timeline1, /P-DATA-TF ×8 · 512\.0 KiB · in · 8 × DT-2/);
  assert.match(timeline1, /C-STORE-RSP/);
  assert.equal(await page.locator('[data-testid=timeline] li[data-kind="fold"]').count(), 2, 'one fold before C-STORE-RSP, one for the stats after the next C-STORE-RQ');

  // assoc-2: the whole requestor path, last edge Sta7 → Sta1 labelled Evt13/AR-3.
  await row(page, 'assoc-2').click();
  await page.waitForSelector('[data-state="Sta1"].active');
  await page.waitForSelector('[data-edge="Sta7>Sta1"].last');
  for (const e of ['Sta1>Sta4', 'Sta4>Sta5', 'Sta5>Sta6', 'Sta6>Sta7']) assert.equal(await page.locator(`[data-edge="${e}"].taken`).count(), 1, e);
  assert.equal(await page.locator('.lastlabel').textContent(), 'Evt13/AR-3');
  const timeline2 = await page.locator('[data-testid=timeline]').innerText();
  for (const want of [/association started · requestor/, /Sta4 → Sta5\s+Evt2 \/ AE-2/, /C-FIND-RQ/, /FF00 Pending/, /A-RELEASE-RQ/, /A-RELEASE-RP/, /Sta7 → Sta1\s+Evt13 \/ AR-3/, /association ended · release/]) {
    assert.match(timeline2, want);
  }
  assert.ok(timeline2.indexOf('A-RELEASE-RQ') < timeline2.indexOf('Sta7 → Sta1'), 'timeline is in record order');

  // Hover text comes from the standard's wording in /table.json.
  await page.locator('[data-state="Sta13"]').hover();
  assert.match(await page.locator('#tip').innerText(), /Awaiting Transport Connection Close Indication/);
  await page.mouse.move(0, 0);

  fs.mkdirSync('test-output', { recursive: true });
  await page.screenshot({ path: 'test-output/inspector-page.png' });
  assert.deepEqual(problems, []);
});
