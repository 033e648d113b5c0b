/**
 * Both ends watched: our SCU apps (echoscu, storescu, findscu) with
 * `--inspect PORT` against our qrscp with `--inspect`. Each SCU keeps its
 * page up after the operation until Ctrl-C (SIGINT), so the requestor's side
 * (Sta1 → Sta4 → Sta5 → Sta6 → Sta7 → Sta1) can be read next to the
 * acceptor's. Screenshot: test-output/inspector-scu-storescu.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { eventually, freePort, requireTool, samplesDir, startCli, tempDir } from '../helpers/dcmtk.js';
import { launch, row, screenshot, skipWithoutChromium, timelineLines, watchProblems } from './browser.js';
const REQUESTOR_PATH = ['Sta1 → Sta4 Evt1 / AE-1', 'Sta4 → Sta5 Evt2 / AE-2', 'Sta5 → Sta6 Evt3 / AE-3', 'Sta6 → Sta7 Evt11 / AR-1', 'Sta7 → Sta1 Evt13 / AR-3'];
async function transitions(page) {
    return page.locator('[data-testid=timeline] li[data-kind=transition] .x').evaluateAll((xs) => xs.map((x) => `${x.querySelector('b')?.textContent ?? ''}${x.childNodes[1]?.textContent ?? ''}`.replace(/\s+/g, ' ').trim()));
}
test('SCU apps with --inspect: the requestor side on its own page, kept up until Ctrl-C', { skip: skipWithoutChromium, timeout: 180_000 }, async (t) => {
    if (!requireTool('echoscu', t))
        return;
    const dir = await tempDir(t);
    const [port, scpWs] = [await freePort(), await freePort()];
    const scp = await startCli(['qrscp', String(port), '-aet', 'NETDICOM', '-od', dir, '-ba', '127.0.0.1', '--inspect', String(scpWs)], { echo: { port, aec: 'NETDICOM' } });
    t.after(() => scp.stop());
    const ctx = await launch();
    t.after(() => ctx.close());
    const files = ['CT_small.dcm', 'MR_small.dcm'].map((f) => path.join(samplesDir(), 'valid', f));
    const apps = [
        ['echoscu', []],
        ['storescu', files],
        ['findscu', ['-S', '-k', 'QueryRetrieveLevel=STUDY', '-k', 'PatientID', '-k', 'StudyInstanceUID']],
    ];
    const scus = [];
    t.after(() => Promise.all(scus.map((p) => p.stop())));
    for (const [app, extra] of apps) {
        const ws = await freePort();
        const scu = await startCli([app, '127.0.0.1', String(port), '-aet', `${app.toUpperCase()}_X`, '-aec', 'NETDICOM', '--inspect', String(ws), ...extra]);
        scus.push(scu);
        // The operation is over, the process is still there, and says where its page is.
        await eventually(() => scu.output().includes(`${app}: done (exit 0); inspector still at`) || !scu.alive(), `${app} to finish`, 30_000);
        assert.ok(scu.alive(), `${app} exited instead of keeping its inspector up:\n${scu.output()}`);
        const page = await ctx.newPage();
        const origin = `http://127.0.0.1:${ws}`;
        const problems = watchProblems(page, [origin]);
        await page.goto(`${origin}/`);
        await page.waitForSelector('[data-assoc][data-status="ended"]');
        const id = await page.locator('[data-assoc]').first().getAttribute('data-assoc');
        assert.match(id, /^assoc-c\d+$/);
        await row(page, id).click();
        await page.waitForSelector(`[data-testid=selected-head] h2:text-is("${id}")`);
        assert.deepEqual(await transitions(page), REQUESTOR_PATH, app);
        const r = await row(page, id).innerText();
        assert.match(r, new RegExp(`${app.toUpperCase()}_X → NETDICOM`));
        assert.match(r, /127\.0\.0\.1:\d+/, 'peer');
        assert.match(r, /\bSCU\b/);
        assert.equal(await row(page, id).getAttribute('data-ending'), 'release');
        const lines = (await timelineLines(page)).join('\n');
        assert.match(lines, /out ▶ A-ASSOCIATE-RQ .*_X → NETDICOM/);
        assert.match(lines, /◀ in A-ASSOCIATE-AC .*_X → NETDICOM · \d+ of \d+ accepted/);
        if (app === 'echoscu')
            assert.match(lines, /out ▶ C-ECHO-RQ #1 Verification SOP Class/);
        if (app === 'storescu') {
            assert.match(lines, /out ▶ C-STORE-RQ #\d+ CT Image Storage P-DATA-TF ×\d+/);
            assert.match(lines, /◀ in C-STORE-RSP #\d+ MR Image Storage 0000 Success/);
            await screenshot(page, 'inspector-scu-storescu');
        }
        if (app === 'findscu')
            assert.match(lines, /◀ in C-FIND-RSP #1 Study Root Query\/Retrieve Information Model - FIND 0000 Success/);
        assert.deepEqual(problems, []);
        // Ctrl-C: the page goes away and the process exits 0.
        scu.proc.kill('SIGINT');
        const exit = await scu.exited;
        assert.equal(exit.code, 0, `${app} after SIGINT: ${JSON.stringify(exit)}\n${scu.output()}`);
        await page.close();
    }
    // The acceptor saw the same three associations on its own page.
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${scpWs}/`);
    for (const app of ['ECHOSCU_X', 'STORESCU_X', 'FINDSCU_X']) {
        await page.waitForSelector(`[data-assoc][data-status="ended"]:has-text("${app} → NETDICOM")`);
    }
});
//# sourceMappingURL=inspector-scu.test.js.map