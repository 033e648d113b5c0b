/**
 * `netdicom storescp` as its users try it: dcmtk echoscu and storescu send the
 * shared sample files over loopback (see /work/shared/checks/storescp-interop.sh).
 * Each test starts its own server on a free port with its own output folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { canBind, datasetDump, echo, eventually, freePort, isPart10, mapLimit, readAttributes, requireTool, run, samplesDir, SCU_OPTION, startCli, TS, } from '../helpers/dcmtk.js';
const TOOLS = ['echoscu', 'storescu', 'dcmdump', 'dcmconv'];
const SCU = ['-v', '-to', '10', '-ta', '10', '-td', '20'];
const TEMP_DIR = '.netdicom-tmp';
const valid = (name) => path.join(samplesDir(), 'valid', name);
/** Starts `storescp PORT -od OUT -ba 127.0.0.1 ...extra` and waits for a C-ECHO success; stopped and removed after the test. */
async function storescp(t, extra = [], ready = {}) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'netdicom-storescp-'));
    const out = path.join(dir, 'out');
    const port = await freePort();
    let scp;
    t.after(async () => {
        await scp?.stop();
        await rm(dir, { recursive: true, force: true });
    });
    scp = await startCli(['storescp', String(port), '-od', out, '-ba', '127.0.0.1', ...extra], { echo: { port, ...ready } });
    return { port, out, scp };
}
/** Entries of the output folder a user sees (hidden temp folder left out). */
const visible = async (dir) => (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
/** Files still in the hidden temp folder (none when it does not exist). */
const partials = (dir) => readdir(path.join(dir, TEMP_DIR)).catch(() => []);
async function head(file, n = 132) {
    const fh = await open(file, 'r');
    try {
        const b = Buffer.alloc(n);
        const { bytesRead } = await fh.read(b, 0, n, 0);
        return b.subarray(0, bytesRead);
    }
    finally {
        await fh.close();
    }
}
const UNCOMPRESSED_NAMES = {
    LittleEndianImplicit: TS.ImplicitVRLittleEndian,
    LittleEndianExplicit: TS.ExplicitVRLittleEndian,
    BigEndianExplicit: TS.ExplicitVRBigEndian,
};
/**
 * The transfer syntax each file travelled in, from `storescu -v`: the syntax
 * of its group unless storescu says it converted it (only uncompressed data is).
 */
function travelledIn(scuLog, groupTs) {
    const want = new Map();
    let current;
    for (const raw of scuLog.split('\n')) {
        const line = raw.trim();
        const sending = /^I: Sending file: (.*)$/.exec(line);
        if (sending) {
            current = sending[1];
            want.set(current, groupTs);
            continue;
        }
        const conv = /^I: Converting transfer syntax: .* -> (.*)$/.exec(line);
        if (conv && current)
            want.set(current, UNCOMPRESSED_NAMES[conv[1].replace(/ /g, '')] ?? groupTs);
    }
    return want;
}
const failures = (log) => log.split('\n').filter((l) => /^[EF]: /.test(l)).slice(0, 3).join(' | ');
test('dcmtk echoscu gets a C-ECHO success', { timeout: 30_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const { port } = await storescp(t);
    const r = await echo(port);
    assert.equal(r.code, 0, r.stdout + r.stderr);
});
test('every valid sample arrives whole: Part 10, matching meta UIDs, the transfer syntax it travelled in, the same data set', { timeout: 120_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const { port, out } = await storescp(t);
    const samples = (await readdir(path.join(samplesDir(), 'valid'))).filter((n) => n.endsWith('.dcm')).sort().map(valid);
    assert.ok(samples.length > 0, `no samples in ${samplesDir()}/valid`);
    const sent = await readAttributes(samples, ['0002,0010', '0008,0018']);
    // The samples' dumps do not depend on the server: make them while storescu sends.
    const sentDumps = mapLimit(samples, 2, (f) => datasetDump(f, sent.get(f)['0002,0010']));
    sentDumps.catch(() => { });
    // One association per transfer syntax: dcmtk proposes a compressed syntax only when told which.
    const groups = new Map();
    for (const f of samples) {
        const ts = sent.get(f)['0002,0010'] ?? '';
        groups.set(ts, [...(groups.get(ts) ?? []), f]);
    }
    const want = new Map();
    const scuFailures = [];
    for (const [ts, files] of groups) {
        const opt = SCU_OPTION[ts];
        const r = await run('storescu', [...SCU, ...(opt ? [opt] : []), '127.0.0.1', String(port), ...files]);
        if (r.code !== 0)
            scuFailures.push(`storescu ${opt ?? ''} (${ts}): ${failures(r.stdout + r.stderr)}`);
        for (const [f, w] of travelledIn(r.stdout + r.stderr, ts))
            want.set(f, w);
    }
    assert.deepEqual(scuFailures, []);
    assert.equal(want.size, samples.length, 'storescu -v did not name every file it sent');
    const stored = (await visible(out)).map((n) => path.join(out, n));
    const got = await readAttributes(stored, ['0002,0002', '0002,0003', '0002,0010', '0002,0012', '0008,0016', '0008,0018']);
    const bySop = new Map([...got].map(([f, a]) => [a['0008,0018'] ?? '', f]));
    const missing = [];
    const badMeta = [];
    const badTs = [];
    const pairs = [];
    for (const [i, f] of samples.entries()) {
        const name = path.basename(f);
        const r = bySop.get(sent.get(f)['0008,0018'] ?? '?');
        if (!r) {
            missing.push(name);
            continue;
        }
        const a = got.get(r);
        if (!isPart10(await head(r)) || a['0002,0002'] !== a['0008,0016'] || a['0002,0003'] !== a['0008,0018'] || !a['0002,0012']) {
            badMeta.push(`${name}: ${JSON.stringify(a)}`);
        }
        if (a['0002,0010'] !== want.get(f))
            badTs.push(`${name}: stored ${a['0002,0010']}, travelled in ${want.get(f)}`);
        pairs.push([name, i, r, a['0002,0010'] ?? '']);
    }
    const storedDumps = await mapLimit(pairs, 4, ([, , r, storedTs]) => datasetDump(r, storedTs));
    const sampleDumps = await sentDumps;
    const differ = pairs
        .map(([name, i], k) => {
        const a = sampleDumps[i];
        const b = storedDumps[k];
        if (!a.startsWith('# Dicom-Data-Set'))
            return `${name}: sample unreadable: ${a.slice(0, 80)}`;
        if (a === b)
            return undefined;
        const al = a.split('\n');
        const bl = b.split('\n');
        const at = al.findIndex((l, n) => l !== bl[n]);
        return `${name}: sent "${al[at]}" stored "${bl[at]}"`;
    })
        .filter((d) => d !== undefined);
    const instances = new Set(samples.map((f) => sent.get(f)['0008,0018']));
    assert.deepEqual({ missing, badMeta, badTs, differ, storedFiles: stored.length }, { missing: [], badMeta: [], badTs: [], differ: [], storedFiles: instances.size });
});
test('4 KB PDUs from the sender (--max-send-pdu 4096): both files stored whole', { timeout: 30_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const { port, out } = await storescp(t);
    const files = [valid('CT_small.dcm'), valid('MR_small_bigendian.dcm')];
    const r = await run('storescu', [...SCU, '-R', '--max-send-pdu', '4096', '127.0.0.1', String(port), ...files]);
    assert.equal(r.code, 0, failures(r.stdout + r.stderr));
    const stored = (await visible(out)).map((n) => path.join(out, n));
    assert.equal(stored.length, 2, `stored: ${stored.join(', ')}`);
    const sops = await readAttributes([...files, ...stored], ['0008,0018']);
    for (const f of files) {
        const r2 = stored.find((s) => sops.get(s)['0008,0018'] === sops.get(f)['0008,0018']);
        assert.ok(r2, `${path.basename(f)} not stored`);
        assert.equal(await datasetDump(r2), await datasetDump(f), `${path.basename(f)} differs`);
    }
});
test("a peer's A-ABORT (storescu --abort) leaves the server answering C-ECHO", { timeout: 30_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const { port, scp } = await storescp(t);
    await run('storescu', [...SCU, '--abort', '127.0.0.1', String(port), valid('CT_small.dcm')]);
    const r = await echo(port);
    assert.equal(r.code, 0, `C-ECHO after A-ABORT failed: ${r.stdout}${r.stderr}\nserver: ${scp.output()}`);
    assert.ok(scp.alive());
});
test('50 C-STOREs of one instance on one association leave one file and no partial file', { timeout: 30_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const { port, out } = await storescp(t);
    const r = await run('storescu', [...SCU, '--repeat', '50', '127.0.0.1', String(port), valid('MR_small.dcm')]);
    assert.equal(r.code, 0, failures(r.stdout + r.stderr));
    assert.equal((r.stdout + r.stderr).match(/Received Store Response \(Success\)/g)?.length, 50);
    assert.equal((await visible(out)).length, 1, `output folder: ${(await visible(out)).join(', ')}`);
    assert.deepEqual(await partials(out), []);
});
test('a calling AE title not allowed (--allow-calling-aet OTHER) is rejected and the log says so', { timeout: 30_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const { port, scp } = await storescp(t, ['--allow-calling-aet', 'OTHER'], { aet: 'OTHER' });
    const r = await echo(port, { aet: 'ECHOSCU' });
    assert.notEqual(r.code, 0, 'echoscu with calling AE ECHOSCU succeeded');
    assert.match(r.stdout + r.stderr, /Association Rejected/);
    assert.match(r.stdout + r.stderr, /Calling AE Title Not Recognized/);
    await eventually(() => /reject/i.test(scp.output()) && /ECHOSCU/.test(scp.output()), 'a rejection naming ECHOSCU in the server log');
    const ok = await echo(port, { aet: 'OTHER' });
    assert.equal(ok.code, 0, 'the allowed calling AE is still accepted');
});
test('--require-called-aet: a wrong called AE title is rejected, ours is accepted', { timeout: 30_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const { port } = await storescp(t, ['--require-called-aet'], { aec: 'STORESCP' });
    const wrong = await echo(port, { aec: 'WRONG' });
    assert.notEqual(wrong.code, 0, 'echoscu -aec WRONG succeeded');
    assert.match(wrong.stdout + wrong.stderr, /Called AE Title Not Recognized/);
    const right = await echo(port, { aec: 'STORESCP' });
    assert.equal(right.code, 0, right.stdout + right.stderr);
});
test('a disk failure answers A700 (out of resources), leaves no partial file, and the server serves on', { timeout: 30_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const { port, out, scp } = await storescp(t);
    // The hidden temp folder is a regular file: creating temporary files in it fails.
    const sentinel = path.join(out, TEMP_DIR);
    await rm(sentinel, { recursive: true, force: true });
    await writeFile(sentinel, 'sentinel');
    const r = await run('storescu', [...SCU, '-R', '127.0.0.1', String(port), valid('CT_small.dcm')]);
    assert.match(r.stdout + r.stderr, /0xa700|Refused: OutOfResources/i, 'storescu did not see status A700');
    assert.deepEqual((await readdir(out)).sort(), [TEMP_DIR]);
    assert.ok((await stat(sentinel)).isFile(), 'the sentinel file was replaced');
    const e = await echo(port);
    assert.equal(e.code, 0, `C-ECHO after the failure: ${e.stdout}${e.stderr}\nserver: ${scp.output()}`);
});
test('SIGTERM stops the server and frees its port', { timeout: 30_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const { port, scp } = await storescp(t);
    const end = await scp.stop();
    assert.equal(end.forced, false, `did not exit on SIGTERM within 5 s: ${scp.output()}`);
    assert.equal(end.code, 0, `exit: ${JSON.stringify(end)} ${scp.output()}`);
    await canBind(port);
});
//# sourceMappingURL=storescp.test.js.map