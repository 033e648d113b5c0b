/**
 * `netdicom echoscp` against dcmtk: C-ECHO works, and a peer that proposes
 * only a SOP class we do not serve gets an A-ASSOCIATE-AC whose presentation
 * context says result 3 (abstract syntax not supported), PS3.8 §9.3.3.2.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { echo, freePort, requireTool, run, samplesDir, startCli } from '../helpers/dcmtk.js';
async function echoscp(t) {
    const port = await freePort();
    const scp = await startCli(['echoscp', String(port), '-ba', '127.0.0.1'], { echo: { port } });
    t.after(() => scp.stop());
    return { port, scp };
}
/** The presentation contexts of the A-ASSOCIATE-AC that `storescu -d` prints: "Context ID: 1 (Abstract Syntax Not Supported)". */
function acceptedContexts(debugLog) {
    const ac = /BEGIN A-ASSOCIATE-AC[\s\S]*?END A-ASSOCIATE-AC/.exec(debugLog)?.[0] ?? '';
    return [...ac.matchAll(/Context ID:\s+(\d+) \(([^)]*)\)/g)].map((m) => ({ id: Number(m[1]), result: m[2] }));
}
test('echoscp answers dcmtk echoscu', { timeout: 30_000 }, async (t) => {
    if (!requireTool('echoscu', t))
        return;
    const { port } = await echoscp(t);
    const r = await echo(port);
    assert.equal(r.code, 0, r.stdout + r.stderr);
});
test('only an unsupported SOP class proposed (storescu to echoscp): context result 3, storescu fails cleanly', { timeout: 30_000 }, async (t) => {
    if (!requireTool(['echoscu', 'storescu'], t))
        return;
    const { port, scp } = await echoscp(t);
    // -R: propose only the file's SOP class (CT Image Storage; dcmtk offers it in two contexts), nothing else.
    const r = await run('storescu', ['-d', '-R', '-to', '10', '-ta', '10', '127.0.0.1', String(port), path.join(samplesDir(), 'valid', 'CT_small.dcm')]);
    const log = r.stdout + r.stderr;
    const summary = `storescu exit ${r.code}; ${log.split('\n').filter((l) => /^[IWEF]: /.test(l)).join(' | ')}`;
    assert.notEqual(r.code, 0, `storescu reported success: ${summary}`);
    // dcmtk names result 3 (ASC_P_ABSTRACTSYNTAXNOTSUPPORTED) "Abstract Syntax Not Supported".
    const contexts = acceptedContexts(log);
    assert.ok(contexts.length > 0, `no A-ASSOCIATE-AC with presentation contexts: ${summary}`);
    assert.deepEqual(contexts.filter((c) => c.result !== 'Abstract Syntax Not Supported'), [], 'a context was not refused with result 3');
    assert.match(log, /No Acceptable Presentation Contexts/, summary);
    assert.doesNotMatch(log, /Association Aborted|Peer aborted|A-ABORT/i, summary);
    const after = await echo(port);
    assert.equal(after.code, 0, `echoscp stopped answering C-ECHO: ${after.stdout}${after.stderr}\nserver: ${scp.output()}`);
});
//# sourceMappingURL=echoscp.test.js.map