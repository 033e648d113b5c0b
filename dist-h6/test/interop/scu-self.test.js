/**
 * Our SCU against our SCP, in process, through the library API
 * (ApplicationEntity.associate → ScuAssociation): C-ECHO, C-STORE of every
 * valid sample, C-FIND, C-GET, C-MOVE to a second storage SCP, and C-CANCEL
 * of a C-FIND. The SCPs listen on 127.0.0.1 port 0. Data sets are compared
 * with dcmtk (dcmconv + dcmdump, `datasetDump`); expected query results come
 * from the samples' headers read by dcmdump, not by our code.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ApplicationEntity, IMPLEMENTATION_VERSION_NAME } from '../../services/application-entity.js';
import { InstanceIndex } from '../../services/query-retrieve/index-db.js';
import { cFindScp } from '../../services/query-retrieve/c-find-scp.js';
import { cGetScp } from '../../services/query-retrieve/c-get-scp.js';
import { cMoveScp } from '../../services/query-retrieve/c-move-scp.js';
import { cStoreScp } from '../../services/storage/c-store-scp.js';
import { cEchoScp } from '../../services/verification/c-echo-scp.js';
import { readPart10Info } from '../../services/storage/part10-reader.js';
import { contextsForFiles } from '../../services/scu/file-source.js';
import { MODELS } from '../../services/scu/scu-association.js';
import { datasetDump, mapLimit, readAttributes, requireTool, samplesDir, TS } from '../helpers/dcmtk.js';
const TOOLS = ['dcmdump', 'dcmconv'];
const TIMEOUTS = { connectMs: 5000, acseMs: 10_000, dimseMs: 30_000, networkMs: 30_000 };
const silent = pino({ level: 'silent' });
const Tag = { PatientID: '0010,0020', StudyInstanceUID: '0020,000d', SeriesInstanceUID: '0020,000e', SOPInstanceUID: '0008,0018', TransferSyntaxUID: '0002,0010' };
let samples = [];
let node;
const sampleDumps = new Map();
/** The sample's data set as dcmdump prints it (computed once per sample). */
function sampleDump(s) {
    let d = sampleDumps.get(s.file);
    if (!d)
        sampleDumps.set(s.file, (d = datasetDump(s.file, s.attrs[Tag.TransferSyntaxUID])));
    return d;
}
/** Visible files of a folder (the SCP's hidden temp folder left out). */
async function filesIn(dir) {
    return (await readdir(dir).catch(() => [])).filter((n) => !n.startsWith('.')).sort().map((n) => path.join(dir, n));
}
/**
 * Checks that `dir` holds exactly one file per expected sample, each with the
 * sample's data set. Returns a list of problems (empty when all is well).
 */
async function sameAsSamples(dir, expected) {
    const files = await filesIn(dir);
    const got = await readAttributes(files, [Tag.SOPInstanceUID, Tag.TransferSyntaxUID]);
    const bySop = new Map([...got].map(([f, a]) => [a[Tag.SOPInstanceUID] ?? '', f]));
    const problems = [];
    if (files.length !== expected.length)
        problems.push(`${files.length} files in ${path.basename(dir)}, expected ${expected.length}`);
    const pairs = [];
    for (const s of expected) {
        const r = bySop.get(s.attrs[Tag.SOPInstanceUID]);
        if (r)
            pairs.push([s, r]);
        else
            problems.push(`${path.basename(s.file)}: not received`);
    }
    const diffs = await mapLimit(pairs, 4, async ([s, r]) => {
        const [a, b] = await Promise.all([sampleDump(s), datasetDump(r, got.get(r)[Tag.TransferSyntaxUID])]);
        if (!a.startsWith('# Dicom-Data-Set'))
            return `${path.basename(s.file)}: sample unreadable by dcmtk`;
        return a === b ? '' : `${path.basename(s.file)}: data set differs`;
    });
    return [...problems, ...diffs.filter(Boolean)];
}
async function collect(gen) {
    const out = [];
    for await (const r of gen)
        out.push(r);
    return out;
}
const uidsOf = (rs, keyword) => new Set(rs.filter((r) => r.identifier).map((r) => String(r.identifier[keyword] ?? '').replace(/[\0 ]+$/, '')));
const distinct = (xs, tag) => new Set(xs.map((s) => s.attrs[tag] ?? ''));
const finalOf = (rs) => rs[rs.length - 1];
/** Associates with the Q/R SCP proposing `contexts`, released after the test. */
async function scu(t, ae, port, contexts, roles) {
    const assoc = await ae.associate({ host: '127.0.0.1', port, calledAETitle: 'QRSCP', contexts, timeouts: TIMEOUTS, ...(roles ? { roles } : {}) });
    t.after(() => assoc.release());
    return assoc;
}
const qrContext = (model, kind) => ({ abstractSyntax: MODELS[model][kind], transferSyntaxes: [TS.ExplicitVRLittleEndian, TS.ImplicitVRLittleEndian] });
before(async () => {
    const dir = path.join(samplesDir(), 'valid');
    const files = (await readdir(dir)).filter((n) => n.endsWith('.dcm')).sort().map((n) => path.join(dir, n));
    const attrs = await readAttributes(files, Object.values(Tag)).catch(() => new Map());
    samples = await Promise.all(files.map(async (file) => ({ file, info: await readPart10Info(file), attrs: attrs.get(file) ?? {} })));
    const root = await mkdtemp(path.join(os.tmpdir(), 'netdicom-scu-self-'));
    const destDir = path.join(root, 'dest');
    const storeDir = path.join(root, 'store');
    await mkdir(destDir);
    await mkdir(storeDir);
    // The Q/R SCP's index holds every valid sample where it lies.
    const index = InstanceIndex.open(path.join(root, 'index.sqlite'), silent, 'QRSCP');
    for (const s of samples)
        index.add(s.info);
    const dest = await new ApplicationEntity({ aeTitle: 'DEST' })
        .addService(cEchoScp())
        .addService(cStoreScp({ dir: destDir, implementationVersionName: IMPLEMENTATION_VERSION_NAME }))
        .listen({ port: 0, host: '127.0.0.1' });
    const qrAe = new ApplicationEntity({ aeTitle: 'QRSCP' });
    qrAe
        .addService(cEchoScp())
        .addService(cStoreScp({ dir: storeDir, implementationVersionName: IMPLEMENTATION_VERSION_NAME }))
        .addService(cFindScp(index))
        .addService(cGetScp(index))
        .addService(cMoveScp({
        index,
        destinations: new Map([['DEST', { host: '127.0.0.1', port: dest.port }]]),
        associate: (d, contexts) => qrAe.associate({ host: d.host, port: d.port, calledAETitle: d.calledAETitle, contexts, timeouts: TIMEOUTS }),
    }));
    const qr = await qrAe.listen({ port: 0, host: '127.0.0.1' });
    node = { root, qr, dest, destDir, storeDir, index };
});
after(async () => {
    if (!node)
        return;
    await node.qr.close();
    await node.dest.close();
    node.index.close();
    await rm(node.root, { recursive: true, force: true });
});
test('C-ECHO: our SCU gets Success (0000) from our SCP', { timeout: 30_000 }, async (t) => {
    const assoc = await scu(t, new ApplicationEntity({ aeTitle: 'SCU' }), node.qr.port, [{ abstractSyntax: '1.2.840.10008.1.1', transferSyntaxes: [TS.ExplicitVRLittleEndian] }]);
    assert.equal(await assoc.cEcho(), 0);
    assert.equal(await assoc.cEcho(), 0, 'a second C-ECHO on the same association');
});
test('C-STORE: every valid sample is stored with Success in its own transfer syntax and the same data set', { timeout: 120_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    assert.equal(samples.length, 41);
    const assoc = await scu(t, new ApplicationEntity({ aeTitle: 'SCU' }), node.qr.port, contextsForFiles(samples.map((s) => s.info)));
    const results = [];
    for (const s of samples)
        results.push({ name: path.basename(s.file), ...(await assoc.cStore(s.info)) });
    assert.deepEqual(results.filter((r) => r.status !== 0 || r.transcoded), [], 'not stored, or transcoded although the SCP accepts every syntax');
    assert.deepEqual(await sameAsSamples(node.storeDir, samples), []);
});
test('C-FIND (Study Root): the study, series and image matches equal those of the samples headers', { timeout: 60_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const mr = samples.find((s) => path.basename(s.file) === 'MR_small.dcm');
    const mrStudy = mr.attrs[Tag.StudyInstanceUID];
    const inMr = samples.filter((s) => s.attrs[Tag.StudyInstanceUID] === mrStudy);
    const assoc = await scu(t, new ApplicationEntity({ aeTitle: 'SCU' }), node.qr.port, [qrContext('study', 'find')]);
    const find = (q) => collect(assoc.cFind(q, 'study'));
    const byId = await find({ QueryRetrieveLevel: 'STUDY', PatientID: '4MR1', StudyInstanceUID: '' });
    assert.equal(finalOf(byId).status, 0);
    assert.deepEqual(uidsOf(byId, 'StudyInstanceUID'), new Set([mrStudy]));
    const wildcard = await find({ QueryRetrieveLevel: 'STUDY', PatientID: '*MR*', StudyInstanceUID: '' });
    assert.deepEqual(uidsOf(wildcard, 'StudyInstanceUID'), new Set([mrStudy]));
    const all = await find({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: '' });
    assert.equal(finalOf(all).status, 0);
    assert.deepEqual(uidsOf(all, 'StudyInstanceUID'), distinct(samples, Tag.StudyInstanceUID));
    const series = await find({ QueryRetrieveLevel: 'SERIES', StudyInstanceUID: mrStudy, SeriesInstanceUID: '' });
    assert.deepEqual(uidsOf(series, 'SeriesInstanceUID'), distinct(inMr, Tag.SeriesInstanceUID));
    const images = new Set();
    for (const s of uidsOf(series, 'SeriesInstanceUID')) {
        const r = await find({ QueryRetrieveLevel: 'IMAGE', StudyInstanceUID: mrStudy, SeriesInstanceUID: s, SOPInstanceUID: '' });
        assert.equal(finalOf(r).status, 0);
        for (const u of uidsOf(r, 'SOPInstanceUID'))
            images.add(u);
    }
    assert.deepEqual(images, distinct(inMr, Tag.SOPInstanceUID));
    const none = await find({ QueryRetrieveLevel: 'STUDY', PatientID: 'NO-SUCH-PATIENT', StudyInstanceUID: '' });
    assert.deepEqual(none.map((r) => r.status), [0], 'no match: only the final Success');
});
test('C-FIND (Patient Root): the studies of a patient', { timeout: 30_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const assoc = await scu(t, new ApplicationEntity({ aeTitle: 'SCU' }), node.qr.port, [qrContext('patient', 'find')]);
    const rs = await collect(assoc.cFind({ QueryRetrieveLevel: 'STUDY', PatientID: 'id11111', StudyInstanceUID: '' }, 'patient'));
    assert.equal(finalOf(rs).status, 0);
    assert.deepEqual(uidsOf(rs, 'StudyInstanceUID'), distinct(samples.filter((s) => s.attrs[Tag.PatientID] === 'id11111'), Tag.StudyInstanceUID));
});
test('C-GET: every instance of the MR study comes back on the association, one file each, equal to the sample', { timeout: 60_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const mrStudy = samples.find((s) => path.basename(s.file) === 'MR_small.dcm').attrs[Tag.StudyInstanceUID];
    const inMr = samples.filter((s) => s.attrs[Tag.StudyInstanceUID] === mrStudy);
    const getDir = path.join(node.root, 'get');
    await mkdir(getDir);
    const ae = new ApplicationEntity({ aeTitle: 'GETSCU' }).addService(cStoreScp({ dir: getDir, implementationVersionName: IMPLEMENTATION_VERSION_NAME }));
    // One storage context per SOP class and transfer syntax of the study: each instance can come back as stored.
    const storage = contextsForFiles(inMr.map((s) => s.info));
    const classes = [...new Set(storage.map((c) => c.abstractSyntax))];
    const assoc = await scu(t, ae, node.qr.port, [qrContext('study', 'get'), ...storage], classes.map((c) => ({ sopClassUid: c, scuRole: 0, scpRole: 1 })));
    const rs = await collect(assoc.cGet({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: mrStudy }, 'study'));
    const last = finalOf(rs);
    assert.equal(last.status, 0, JSON.stringify(last));
    assert.deepEqual({ completed: last.counts.completed, failed: last.counts.failed, warning: last.counts.warning }, { completed: inMr.length, failed: 0, warning: 0 });
    assert.deepEqual(await sameAsSamples(getDir, inMr), []);
});
test('C-MOVE: the MR study is delivered to a second in-process storage SCP, equal to the samples; an unknown destination gets A801', { timeout: 60_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const mrStudy = samples.find((s) => path.basename(s.file) === 'MR_small.dcm').attrs[Tag.StudyInstanceUID];
    const inMr = samples.filter((s) => s.attrs[Tag.StudyInstanceUID] === mrStudy);
    const assoc = await scu(t, new ApplicationEntity({ aeTitle: 'MOVESCU' }), node.qr.port, [qrContext('study', 'move')]);
    const rs = await collect(assoc.cMove({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: mrStudy }, 'DEST', 'study'));
    const last = finalOf(rs);
    assert.equal(last.status, 0, JSON.stringify(last));
    assert.deepEqual({ completed: last.counts.completed, failed: last.counts.failed }, { completed: inMr.length, failed: 0 });
    assert.deepEqual(await sameAsSamples(node.destDir, inMr), []);
    const unknown = await collect(assoc.cMove({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: mrStudy }, 'NOWHERE', 'study'));
    assert.deepEqual(unknown.map((r) => r.status), [0xa801]);
});
/** `copies` copies of MR_small.dcm in `dir`, each with its own study, series and SOP Instance UIDs (same lengths). */
async function uidVariants(dir, copies) {
    const original = await readFile(path.join(samplesDir(), 'valid', 'MR_small.dcm'));
    const suffix = Buffer.from('20040826185059.5457', 'latin1');
    const out = [];
    for (let i = 0; i < copies; i++) {
        const b = Buffer.from(original);
        const mine = Buffer.from(`20040826185059.${6000 + i}`, 'latin1');
        for (let at = b.indexOf(suffix); at >= 0; at = b.indexOf(suffix, at + 1))
            mine.copy(b, at);
        const file = path.join(dir, `mr-${i}.dcm`);
        await writeFile(file, b);
        out.push(await readPart10Info(file));
    }
    return out;
}
test('C-CANCEL of a C-FIND with many matches: the final status is Cancel (FE00) and fewer matches than exist came back', { timeout: 120_000 }, async (t) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'netdicom-scu-cancel-'));
    const index = InstanceIndex.open(path.join(root, 'index.sqlite'), silent);
    t.after(() => rm(root, { recursive: true, force: true }));
    t.after(() => index.close());
    const copies = await uidVariants(root, 1000);
    for (const c of copies)
        index.add(c);
    const server = await new ApplicationEntity({ aeTitle: 'QRSCP' }).addService(cFindScp(index)).listen({ port: 0, host: '127.0.0.1' });
    t.after(() => server.close());
    const assoc = await scu(t, new ApplicationEntity({ aeTitle: 'SCU' }), server.port, [qrContext('study', 'find')]);
    const rs = [];
    for await (const r of assoc.cFind({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: '' }, 'study')) {
        if (rs.length === 0)
            assoc.cancel('study', 'find', assoc.lastMessageId);
        rs.push(r);
    }
    const pending = rs.filter((r) => r.status === 0xff00).length;
    assert.equal(finalOf(rs).status, 0xfe00, `final status ${finalOf(rs).status.toString(16)} after ${pending} matches`);
    assert.ok(pending >= 1 && pending < copies.length, `${pending} of ${copies.length} matches came back`);
    // The association is still usable after the cancel.
    const again = await collect(assoc.cFind({ QueryRetrieveLevel: 'STUDY', PatientID: 'NO-SUCH-PATIENT', StudyInstanceUID: '' }, 'study'));
    assert.deepEqual(again.map((r) => r.status), [0]);
});
//# sourceMappingURL=scu-self.test.js.map