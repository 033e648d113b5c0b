/**
 * Acceptance: `netdicom qrscp --inspect` watched in headless chromium while
 * REAL dcmtk tools talk to it (TCP_NODELAY=1). The page must show each
 * association's state sequence, the negotiated presentation contexts with
 * their results, a rejected association's reason and an aborted
 * association's source/reason in the standard's words, DIMSE messages with
 * their status and P-DATA folded per message; an exported timeline must read
 * the same when imported (JSON) and when opened from file:// (HTML).
 * Screenshots: test-output/inspector-dcmtk-*.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { eventually, freePort, requireTool, run, samplesDir, startCli, tempDir } from '../helpers/dcmtk.js';
import { InspectorClient } from '../helpers/inspector-client.js';
import { exportImport, firstPage, launch, row, screenshot, skipWithoutChromium, timelineLines, watchProblems } from './browser.js';
const AET = 'NETDICOM';
const ALLOWED = 'ALLOWED';
const PASSWORD = 'pw-never-shown-7731';
/** The association that started after `before` and whose done record came. */
async function nextAssoc(client, before) {
    const id = await eventually(() => {
        const fresh = client.started().filter((a) => !before.has(a));
        return fresh.length === 1 && client.actor(fresh[0], 'done') !== undefined && fresh[0];
    }, 'the association to end in the stream', 20_000);
    before.add(id);
    return id;
}
/** Selects `assoc` in the list and returns its timeline's transition lines ("Sta1 → Sta2 Evt5 / AE-5"). */
async function selectAndReadStates(page, assoc) {
    await row(page, assoc).click();
    await page.waitForSelector(`[data-testid=selected-head] h2:text-is("${assoc}")`);
    await page.waitForSelector(`[data-testid=selected-head] :text("ended")`);
    return page.locator('[data-testid=timeline] li[data-kind=transition] .x').evaluateAll((xs) => xs.map((x) => `${x.querySelector('b')?.textContent ?? ''}${x.childNodes[1]?.textContent ?? ''}`.replace(/\s+/g, ' ').trim()));
}
test('qrscp --inspect with dcmtk echoscu, storescu, findscu, a rejected and an aborted association', { skip: skipWithoutChromium, timeout: 180_000 }, async (t) => {
    if (!requireTool(['echoscu', 'storescu', 'findscu'], t))
        return;
    const dir = await tempDir(t);
    const exportsDir = await tempDir(t, 'netdicom-exports-');
    const [port, wsPort] = [await freePort(), await freePort()];
    const scp = await startCli(['qrscp', String(port), '-aet', AET, '-od', dir, '-ba', '127.0.0.1', '--inspect', String(wsPort), '--allow-calling-aet', ALLOWED], {
        echo: { port, aet: ALLOWED, aec: AET },
    });
    t.after(() => scp.stop());
    const client = await InspectorClient.connect(wsPort);
    t.after(() => client.close());
    const before = new Set(await eventually(() => {
        const s = client.started();
        return s.length > 0 && s.every((a) => client.actor(a, 'done')) && s;
    }, 'the warm-up association to end'));
    const ctx = await launch();
    t.after(() => ctx.close());
    const page = await firstPage(ctx);
    const origin = `http://127.0.0.1:${wsPort}`;
    const problems = watchProblems(page, [origin]);
    await page.goto(`${origin}/`);
    await page.waitForSelector('[data-testid=connection][data-conn="live"]');
    const dcmtk = async (tool, args, ok) => {
        const r = await run(tool, args);
        if (ok)
            assert.equal(r.code, 0, `${tool} ${args.join(' ')}\n${r.stdout}${r.stderr}`);
        else
            assert.notEqual(r.code, 0, `${tool} ${args.join(' ')} should have failed`);
        return r;
    };
    const peer = ['127.0.0.1', String(port)];
    const files = ['CT_small.dcm', 'MR_small.dcm'].map((f) => path.join(samplesDir(), 'valid', f));
    // 1. C-ECHO.
    await dcmtk('echoscu', ['-aet', ALLOWED, '-aec', AET, ...peer], true);
    const echo = await nextAssoc(client, before);
    // 2. Two C-STOREs, with a user identity (username + passcode) that must never show.
    await dcmtk('storescu', ['-aet', ALLOWED, '-aec', AET, '--user', 'alice', '--password', PASSWORD, ...peer, ...files], true);
    const store = await nextAssoc(client, before);
    // 3. C-FIND, study root.
    await dcmtk('findscu', ['-aet', ALLOWED, '-aec', AET, '-S', '-k', 'QueryRetrieveLevel=STUDY', '-k', 'PatientID', '-k', 'StudyInstanceUID', ...peer], true);
    const find = await nextAssoc(client, before);
    // 4. A calling AE title the SCP does not allow: A-ASSOCIATE-RJ.
    await dcmtk('echoscu', ['-aet', 'INTRUDER', '-aec', AET, ...peer], false);
    const rejected = await nextAssoc(client, before);
    // 5. storescu --abort: A-ABORT instead of a release.
    await dcmtk('storescu', ['-aet', ALLOWED, '-aec', AET, '--abort', ...peer, files[0]], true);
    const aborted = await nextAssoc(client, before);
    for (const id of [echo, store, find, rejected, aborted])
        await page.waitForSelector(`[data-assoc="${id}"][data-status="ended"]`);
    // The echo association: the acceptor's state sequence, in the list and on the diagram.
    assert.deepEqual(await selectAndReadStates(page, echo), [
        'Sta1 → Sta2 Evt5 / AE-5',
        'Sta2 → Sta3 Evt6 / AE-6',
        'Sta3 → Sta6 Evt7 / AE-7',
        'Sta6 → Sta8 Evt12 / AR-2',
        'Sta8 → Sta13 Evt14 / AR-4',
        'Sta13 → Sta1 Evt17 / AR-5',
    ]);
    assert.equal(await row(page, echo).getAttribute('data-ending'), 'release');
    assert.match(await row(page, echo).innerText(), /ALLOWED → NETDICOM/);
    await page.waitForSelector('[data-edge="Sta13>Sta1"].last');
    assert.equal(await page.locator('.lastlabel').textContent(), 'Evt17/AR-5');
    assert.match(await page.locator('[data-testid=last-transition]').innerText(), /Sta13 → Sta1 Evt17 Transport connection closed indication · AR-5 Stop ARTIM timer/);
    const echoLines = (await timelineLines(page)).join('\n');
    assert.match(echoLines, /◀ in C-ECHO-RQ #1 Verification SOP Class P-DATA-TF ×1/);
    assert.match(echoLines, /out ▶ C-ECHO-RSP #1 Verification SOP Class 0000 Success P-DATA-TF ×1/);
    assert.match(echoLines, /◀ in A-ASSOCIATE-RQ .* ALLOWED → NETDICOM · 1 presentation context: Verification SOP Class · max PDU 16384 · impl 1\.2\.276\.0\.7230010\.3\.[\d.]+ OFFIS_DCMTK_\d+/);
    assert.match(echoLines, /out ▶ A-ASSOCIATE-AC .* ALLOWED → NETDICOM · 1 of 1 accepted: Verification SOP Class \(/);
    // The store association: negotiated contexts with their results, C-STOREs folded with their P-DATA, identity type only.
    const storeStates = await selectAndReadStates(page, store);
    assert.equal(storeStates[0], 'Sta1 → Sta2 Evt5 / AE-5');
    assert.equal(storeStates.at(-1), 'Sta13 → Sta1 Evt17 / AR-5');
    const storeLines = (await timelineLines(page)).join('\n');
    assert.match(storeLines, /A-ASSOCIATE-RQ .* user identity username\+passcode/);
    assert.match(storeLines, /◀ in C-STORE-RQ #1 CT Image Storage P-DATA-TF ×\d+ · [\d.]+ KiB · data set [\d.]+ KiB · priority MEDIUM/);
    assert.match(storeLines, /out ▶ C-STORE-RSP #2 MR Image Storage 0000 Success/);
    const ac = page.locator('[data-testid=timeline] li[data-pdu="A-ASSOCIATE-AC"]');
    await ac.locator('details > summary').click();
    const acSummary = await ac.locator('details > summary').innerText();
    const [, accepted, proposed] = /negotiated contexts: (\d+) of (\d+) accepted/.exec(acSummary) ?? [];
    assert.ok(Number(proposed) > 2 && Number(accepted) >= 2, acSummary);
    const contexts = await ac.locator('table.contexts tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
    assert.equal(contexts.length, Number(proposed));
    const ct = contexts.find((c) => c[1] === 'CT Image Storage' && c[2] === 'acceptance');
    assert.ok(ct && /VR (Little|Big) Endian/.test(ct[3]), JSON.stringify(contexts.slice(0, 5)));
    assert.match(await ac.locator('dl.kv').innerText(), /Maximum Length\s+1048576/);
    assert.match(await page.locator('[data-testid=selected-head]').innerText(), new RegExp(`${accepted} of ${proposed} accepted`));
    assert.match(await row(page, store).innerText(), /\n4\n/, 'four DIMSE messages');
    await screenshot(page, 'inspector-dcmtk-store');
    // The find association: C-FIND with pending and final status.
    await selectAndReadStates(page, find);
    const findLines = (await timelineLines(page)).join('\n');
    assert.match(findLines, /out ▶ C-FIND-RSP #1 Study Root Query\/Retrieve Information Model - FIND ff00 Pending/);
    assert.match(findLines, /out ▶ C-FIND-RSP #1 Study Root Query\/Retrieve Information Model - FIND 0000 Success/);
    // The rejected association: A-ASSOCIATE-RJ result/source/reason in words (PS3.8 Table 9-21).
    const rjStates = await selectAndReadStates(page, rejected);
    assert.ok(rjStates.includes('Sta3 → Sta13 Evt8 / AE-8'), rjStates.join('\n'));
    const rjText = 'A-ASSOCIATE-RJ sent: rejected-permanent, service-user, calling-AE-title-not-recognized';
    assert.match(await row(page, rejected).innerText(), new RegExp(rjText));
    assert.equal(await row(page, rejected).getAttribute('data-ending'), 'A-ASSOCIATE-RJ');
    assert.match(await page.locator('[data-testid=selected-head]').innerText(), new RegExp(rjText));
    assert.match((await timelineLines(page)).join('\n'), /out ▶ A-ASSOCIATE-RJ 10 B rejected-permanent, service-user, calling-AE-title-not-recognized/);
    assert.match(await row(page, rejected).innerText(), /INTRUDER → NETDICOM/);
    await screenshot(page, 'inspector-dcmtk-rejected');
    // The aborted association: A-ABORT source/reason in words (PS3.8 Table 9-26).
    const abStates = await selectAndReadStates(page, aborted);
    assert.equal(abStates.at(-1), 'Sta6 → Sta1 Evt16 / AA-3');
    const abText = 'A-ABORT received: source service-user \\(reason not significant\\)';
    assert.match(await row(page, aborted).innerText(), new RegExp(abText));
    assert.equal(await row(page, aborted).getAttribute('data-ending'), 'A-ABORT');
    assert.match((await timelineLines(page)).join('\n'), /◀ in A-ABORT 10 B source service-user \(reason not significant\)/);
    await page.waitForSelector('[data-edge="Sta6>Sta1"].last', { state: 'attached' });
    await screenshot(page, 'inspector-dcmtk-aborted');
    // Export, then import: the same timeline (JSON import here; HTML from file:// with no server).
    const x = await exportImport(ctx, page, store, exportsDir);
    assert.deepEqual(x.imported, x.original);
    assert.deepEqual(x.offline, x.original);
    assert.deepEqual(x.offlineProblems, []);
    assert.ok(!fs.readFileSync(x.jsonFile, 'utf8').includes(PASSWORD), 'the passcode is not in the export');
    assert.ok(!fs.readFileSync(x.htmlFile, 'utf8').includes(PASSWORD), 'the passcode is not in the HTML export');
    assert.ok(!(await page.content()).includes(PASSWORD), 'the passcode is not on the page');
    await x.offlinePage.locator('[data-testid=timeline] li[data-pdu="A-ASSOCIATE-AC"] details > summary').click();
    await screenshot(x.offlinePage, 'inspector-dcmtk-offline-export');
    assert.deepEqual(problems, []);
});
//# sourceMappingURL=inspector-dcmtk.test.js.map