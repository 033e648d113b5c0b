/**
 * The live inspector page in headless Debian chromium, fed scripted records
 * (what visualize/inspector.ts publishes): backlog replay, live records, the
 * association list (AE titles, duration, DIMSE count, bytes, how it ended in
 * words), state badges, the last transition on the diagram with its meaning,
 * hover wording from /table.json, the timeline with negotiation details and
 * P-DATA folded per message, export/import. Saves test-output/inspector-page.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InspectorHub } from '../../visualize/hub.js';
import { exportImport, pageOnHub, row, screenshot, skipWithoutChromium, timelineLines } from './browser.js';
import { acceptorToSta6, bystanders, pduByPdu, requestorFindAndRelease } from './inspector-script.js';

test('inspector page shows each association, its current state, how it ended and its timeline', { skip: skipWithoutChromium, timeout: 90_000 }, async (t) => {
  let clock = Date.UTC(2025, 2, 14, 9, 30, 0);
  const hub = new InspectorHub({ now: () => (clock += 7) });
  const { server, ctx, page, problems } = await pageOnHub(t, hub);

  // Backlog: assoc-1 reached Sta6 before the page connected.
  for (const r of acceptorToSta6()) hub.publish(r);
  await page.goto(server.url);
  await page.waitForSelector('[data-assoc="assoc-1"][data-current-state="Sta6"]');
  await page.waitForSelector('[data-testid=connection][data-conn="live"]');

  // Live: assoc-2 opens, queries and releases while the page watches; three more for context.
  for (const r of requestorFindAndRelease()) hub.publish(r);
  for (const r of bystanders()) hub.publish(r);
  for (const r of pduByPdu('assoc-4')) hub.publish(r);
  await page.waitForSelector('[data-assoc="assoc-2"][data-current-state="Sta1"][data-status="ended"]');
  await page.waitForSelector('[data-assoc="assoc-5"][data-status="ended"]');

  // The list: live and ended, AE titles, duration, DIMSE count, bytes, how it ended in words.
  assert.equal(await row(page, 'assoc-1').getAttribute('data-status'), 'live');
  assert.match(await row(page, 'assoc-1').innerText(), /CT_SCANNER_2 → NETDICOM_SCP/);
  const r2 = await row(page, 'assoc-2').innerText();
  assert.match(r2, /NETDICOM → PACS_MAIN/);
  assert.match(r2, /\bSCU\b/);
  assert.match(r2, /10\.0\.0\.5:104/);
  assert.match(r2, /\b0\.\d{3} s\b/, 'duration');
  assert.match(r2, /\n4\n/, 'DIMSE messages');
  assert.match(r2, /1\.3 KiB \/ 543 B/);
  assert.match(r2, /release/);
  assert.equal(await row(page, 'assoc-2').getAttribute('data-ending'), 'release');
  assert.match(await row(page, 'assoc-3').innerText(), /A-ASSOCIATE-RJ sent: rejected-permanent, service-user, calling-AE-title-not-recognized/);
  assert.equal(await row(page, 'assoc-3').getAttribute('data-ending'), 'A-ASSOCIATE-RJ');
  assert.match(await row(page, 'assoc-5').innerText(), /A-ABORT received: source service-user/);
  // Badges list live associations only.
  assert.equal(await page.locator('[data-badge="Sta6"]').textContent(), 'assoc-1 assoc-4');
  assert.equal(await page.locator('[data-badge="Sta1"]').getAttribute('visibility'), 'hidden');

  // assoc-1 (selected first): Sta6 active, negotiation details, P-DATA folded per message, a message in progress.
  await row(page, 'assoc-1').click();
  await page.waitForSelector('[data-state="Sta6"].active');
  assert.equal(await page.locator('[data-state].active').count(), 1);
  const lines1 = await timelineLines(page);
  assert.ok(lines1.some((l) => /state Sta1 → Sta2 Evt5 \/ AE-5 Transport connection indication → Issue Transport connection response primitive/.test(l)), lines1.join('\n'));
  assert.ok(lines1.some((l) => /◀ in A-ASSOCIATE-RQ .*CT_SCANNER_2 → NETDICOM_SCP · 2 presentation contexts: Verification SOP Class, CT Image Storage · max PDU 16384/.test(l)), lines1.join('\n'));
  assert.ok(lines1.some((l) => /◀ in C-STORE-RQ #2 CT Image Storage P-DATA-TF ×9 · 512\.3 KiB · data set 512\.1 KiB · priority MEDIUM/.test(l)), lines1.join('\n'));
  assert.ok(lines1.some((l) => /out ▶ C-STORE-RSP #2 CT Image Storage 0000 Success P-DATA-TF ×1 · 154 B/.test(l)), lines1.join('\n'));
  assert.match(await page.locator('[data-testid=timeline] li.inflight').innerText(), /P-DATA in progress: 256\.0 KiB/);
  const ac = page.locator('[data-testid=timeline] li[data-pdu="A-ASSOCIATE-AC"]');
  await ac.locator('details > summary').click();
  assert.match(await ac.locator('details > summary').innerText(), /negotiated contexts: 2 of 2 accepted/);
  const ctxRows = await ac.locator('table.contexts tbody tr').allInnerTexts();
  assert.deepEqual(ctxRows.map((s) => s.split('\t').slice(0, 4).join(' | ')), [
    '1 | Verification SOP Class | acceptance | Implicit VR Little Endian',
    '3 | CT Image Storage | acceptance | Explicit VR Little Endian',
  ]);
  assert.match(await page.locator('[data-testid=selected-head]').innerText(), /2 of 2 accepted/);

  // assoc-4 was reported PDU by PDU: eight P-DATA-TF PDUs and their DT-2 cells fold into one line.
  await row(page, 'assoc-4').click();
  await page.waitForSelector('[data-testid=selected-head] h2:text-is("assoc-4")');
  assert.ok((await timelineLines(page)).some((l) => /P-DATA-TF ×8 · 512\.0 KiB · in · 8 × DT-2/.test(l)));

  // assoc-2: the whole requestor path; last edge Sta7 → Sta1 labelled Evt13/AR-3, with its meaning under the diagram.
  await row(page, 'assoc-2').click();
  await page.waitForSelector('[data-state="Sta1"].active');
  await page.waitForSelector('[data-edge="Sta7>Sta1"].last');
  for (const e of ['Sta1>Sta4', 'Sta4>Sta5', 'Sta5>Sta6', 'Sta6>Sta7']) assert.equal(await page.locator(`[data-edge="${e}"].taken`).count(), 1, e);
  assert.equal(await page.locator('.lastlabel').textContent(), 'Evt13/AR-3');
  assert.match(await page.locator('[data-testid=last-transition]').innerText(), /assoc-2 last: Sta7 → Sta1 Evt13 A-RELEASE-RP PDU · AR-3 Issue A-RELEASE confirmation primitive, and close transport connection/);
  const lines2 = await timelineLines(page);
  const text2 = lines2.join('\n');
  for (const want of [/association started · requestor/, /Sta4 → Sta5 Evt2 \/ AE-2/, /out ▶ C-FIND-RQ #1 Study Root/, /ff00 Pending/, /A-RELEASE-RQ/, /A-RELEASE-RP/, /Sta7 → Sta1 Evt13 \/ AR-3/, /association ended · release/]) {
    assert.match(text2, want);
  }
  assert.ok(text2.indexOf('A-RELEASE-RQ') < text2.indexOf('Sta7 → Sta1'), 'timeline is in record order');

  // Hover: the standard's wording from /table.json, for a state and for a transition.
  await page.locator('[data-state="Sta13"]').hover();
  assert.match(await page.locator('#tip').innerText(), /Awaiting Transport Connection Close Indication/);
  await page.locator('[data-edge="Sta7>Sta1"] path.hit').hover({ force: true });
  assert.match(await page.locator('#tip').innerText(), /AR-3 Issue A-RELEASE confirmation primitive, and close transport connection/);
  await page.mouse.move(0, 0);

  await row(page, 'assoc-1').click();
  await page.waitForSelector('[data-edge="Sta3>Sta6"].last');
  await page.locator('[data-testid=timeline] li[data-pdu="A-ASSOCIATE-AC"] details > summary').click();
  await screenshot(page, 'inspector-page');

  // Export / import: the same timeline from the JSON (imported here) and from the HTML file (file://).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'insp-export-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const x = await exportImport(ctx, page, 'assoc-2', dir);
  assert.deepEqual(x.imported, x.original);
  assert.deepEqual(x.offline, x.original);
  assert.match(await row(page, x.importedId).innerText(), /release/);
  assert.deepEqual(x.offlineProblems, []);
  assert.deepEqual(problems, []);
});
