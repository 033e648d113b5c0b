/**
 * C-CANCEL stops a large C-FIND and a large C-GET of `netdicom qrscp` with a
 * Cancel (FE00) final status (PS3.4 C.4.1.3.2, C.4.3.3.2; PS3.7 §9.3.2.3).
 * The store holds many copies of one small sample, each with its own SOP
 * Instance and Series Instance UID (rewritten in place, same length), sent
 * with dcmtk storescu. The C-CANCEL comes from the netdicom library SCU after
 * the first Pending response, and from dcmtk findscu --cancel.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationEntity, cStoreScp, MODELS, Status } from '../../index.js';
import { run, samplesDir, tempDir } from '../helpers/dcmtk.js';
import { errorLines, findscu, haveDcmtk, SCU, startQrscp, suiteDir } from './qrscp-harness.js';
const COPIES = 300;
const SAMPLE = 'SC_rgb_small_odd.dcm';
const SOP_UID = '1.2.276.0.7230010.3.1.4.8323329.1099.1521494048.423534';
const SERIES_UID = '1.2.826.0.1.3680043.8.498.16157229083793556332623330502397121062';
const STUDY_UID = '1.2.826.0.1.3680043.8.498.12406831542731051035295345080039845114';
/** The copies' study: the sample's Study Instance UID with its last three digits changed. */
const COPY_STUDY_UID = `${STUDY_UID.slice(0, -3)}999`;
const SC_STORAGE = '1.2.840.10008.5.1.4.1.1.7';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const TIMEOUTS = { connectMs: 5000, acseMs: 10_000, dimseMs: 30_000, networkMs: 60_000 };
/** Replaces every occurrence of `from` by `to` (same length) in place. */
function replaceAll(buf, from, to) {
    assert.equal(to.length, from.length);
    let n = 0;
    for (let at = buf.indexOf(from, 0, 'latin1'); at >= 0; at = buf.indexOf(from, at + 1, 'latin1'), n++)
        buf.write(to, at, 'latin1');
    return n;
}
/** Writes `COPIES` copies of the sample into `dir`, each in its own series, all in one new study. */
async function writeCopies(dir) {
    const original = await readFile(path.join(samplesDir(), 'valid', SAMPLE));
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < COPIES; i++) {
        const b = Buffer.from(original);
        const n = String(100000 + i);
        assert.equal(replaceAll(b, SOP_UID, SOP_UID.slice(0, -6) + n), 2, 'SOP Instance UID in the meta header and the data set');
        assert.equal(replaceAll(b, SERIES_UID, SERIES_UID.slice(0, -6) + n), 1);
        assert.equal(replaceAll(b, STUDY_UID, COPY_STUDY_UID), 1);
        await writeFile(path.join(dir, `copy${n}.dcm`), b);
    }
}
describe(`qrscp C-CANCEL of a C-FIND and a C-GET over ${COPIES} instances`, { skip: !haveDcmtk() && 'dcmtk not installed', timeout: 90_000 }, () => {
    let qr;
    let removeDir;
    before(async () => {
        const { dir, remove } = await suiteDir('netdicom-qrscp-cancel-');
        removeDir = remove;
        await writeCopies(path.join(dir, 'copies'));
        qr = await startQrscp(path.join(dir, 'store'));
        const r = await run('storescu', [...SCU, '+sd', '-aec', 'NETDICOM', '127.0.0.1', String(qr.port), path.join(dir, 'copies')], {}, 120_000);
        assert.equal(r.code, 0, errorLines(r));
        const all = await findscu(qr.port, 'NETDICOM', 'S', ['QueryRetrieveLevel=SERIES', `StudyInstanceUID=${COPY_STUDY_UID}`, 'SeriesInstanceUID']);
        assert.equal(all.matches.length, COPIES, `the store holds ${all.matches.length} series, want ${COPIES}`);
    });
    after(async () => {
        await qr?.stop();
        await removeDir?.();
    });
    async function associate(ae, contexts, roles) {
        return ae.associate({ host: '127.0.0.1', port: qr.port, calledAETitle: 'NETDICOM', contexts, ...(roles ? { roles } : {}), timeouts: TIMEOUTS });
    }
    test('library SCU: C-CANCEL after the first Pending C-FIND response ends the C-FIND with Cancel (FE00) before all matches', async () => {
        const assoc = await associate(new ApplicationEntity({ aeTitle: 'CANCELSCU' }), [{ abstractSyntax: MODELS.study.find, transferSyntaxes: [EXPLICIT_LE] }]);
        try {
            let pending = 0;
            const statuses = [];
            for await (const r of assoc.cFind({ QueryRetrieveLevel: 'SERIES', StudyInstanceUID: COPY_STUDY_UID, SeriesInstanceUID: '' }, 'study')) {
                if (r.status === Status.Pending || r.status === 0xff01) {
                    if (++pending === 1)
                        assoc.cancel('study', 'find', assoc.lastMessageId);
                }
                else
                    statuses.push(r.status);
            }
            assert.deepEqual(statuses.map((s) => s.toString(16)), [Status.Cancel.toString(16)], 'one final response, Cancel');
            assert.ok(pending >= 1 && pending < COPIES, `${pending} Pending responses of ${COPIES} matches`);
            // The association goes on: the next C-FIND on it is answered in full.
            const next = [];
            for await (const r of assoc.cFind({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: COPY_STUDY_UID }, 'study'))
                next.push(r.status);
            assert.deepEqual(next, [Status.Pending, Status.Success]);
        }
        finally {
            await assoc.release();
        }
    });
    test('library SCU: C-CANCEL after the first Pending C-GET response ends the C-GET with Cancel (FE00) before all sub-operations', async (t) => {
        const dir = await tempDir(t);
        const ae = new ApplicationEntity({ aeTitle: 'CANCELSCU' }).addService(cStoreScp({ dir, implementationVersionName: 'CANCELTEST' }));
        const assoc = await associate(ae, [{ abstractSyntax: MODELS.study.get, transferSyntaxes: [EXPLICIT_LE] }, { abstractSyntax: SC_STORAGE, transferSyntaxes: [EXPLICIT_LE] }], [{ sopClassUid: SC_STORAGE, scuRole: 0, scpRole: 1 }]);
        try {
            let pending = 0;
            const finals = [];
            for await (const r of assoc.cGet({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: COPY_STUDY_UID }, 'study')) {
                if (r.status === Status.Pending) {
                    if (++pending === 1)
                        assoc.cancel('study', 'get', assoc.lastMessageId);
                }
                else
                    finals.push({ status: r.status, ...r.counts });
            }
            assert.equal(finals.length, 1);
            const f = finals[0];
            assert.equal(f.status.toString(16), Status.Cancel.toString(16), JSON.stringify(f));
            assert.ok(f.completed >= 1 && f.completed + f.failed + f.warning < COPIES, `sub-operations done: ${JSON.stringify(f)}`);
            assert.equal(f.failed, 0, JSON.stringify(f));
        }
        finally {
            await assoc.release();
        }
    });
    test('dcmtk findscu --cancel 1: the C-FIND ends with Cancel before all matches', async () => {
        const r = await findscu(qr.port, 'NETDICOM', 'S', ['QueryRetrieveLevel=SERIES', `StudyInstanceUID=${COPY_STUDY_UID}`, 'SeriesInstanceUID'], ['--cancel', '1']);
        assert.match(r.final, /^Cancel/, r.log.split('\n').slice(-8).join('\n'));
        assert.ok(r.matches.length >= 1 && r.matches.length < COPIES, `${r.matches.length} matches of ${COPIES}`);
    });
});
//# sourceMappingURL=qrscp-cancel.test.js.map