/**
 * What the qrscp interop tests share (issue #4; /work/shared/checks/qrscp-interop.sh):
 * `netdicom qrscp` and dcmtk servers on free ports, storing the samples the
 * way the shared check does (one storescu association per transfer syntax),
 * the samples' attributes read with dcmdump (the expected answers come from
 * the files themselves), and dcmtk findscu runs parsed into their responses.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, readAttributes, requireTool, run, samplesDir, SCU_OPTION, startCli, waitForEcho, } from '../helpers/dcmtk.js';
/** dcmtk options that keep a stuck peer from stalling a test. */
export const SCU = ['-to', '10', '-ta', '10', '-td', '30'];
/** The dcmtk tools every qrscp interop test needs; false (test skipped) when one is missing off CI. */
export function haveDcmtk(extra = []) {
    return requireTool(['echoscu', 'storescu', 'findscu', 'dcmdump', ...extra]);
}
export const TS_UNCOMPRESSED = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2']);
/** Every valid sample, sorted. */
export async function validSamples() {
    const dir = path.join(samplesDir(), 'valid');
    return (await readdir(dir)).filter((n) => n.endsWith('.dcm')).sort().map((n) => path.join(dir, n));
}
const SAMPLE_TAGS = {
    TransferSyntaxUID: '0002,0010',
    PatientID: '0010,0020',
    PatientName: '0010,0010',
    PatientBirthDate: '0010,0030',
    PatientSex: '0010,0040',
    StudyInstanceUID: '0020,000d',
    StudyDate: '0008,0020',
    StudyID: '0020,0010',
    AccessionNumber: '0008,0050',
    SeriesInstanceUID: '0020,000e',
    Modality: '0008,0060',
    SeriesNumber: '0020,0011',
    SOPInstanceUID: '0008,0018',
    SOPClassUID: '0008,0016',
    InstanceNumber: '0020,0013',
};
/** Reads the samples' attributes with dcmdump (one run for all files). */
export async function readSamples(files) {
    const attrs = await readAttributes(files, Object.values(SAMPLE_TAGS));
    return files.map((file) => {
        const a = attrs.get(file);
        const s = { file, name: path.basename(file) };
        for (const [k, tag] of Object.entries(SAMPLE_TAGS))
            s[k] = (a[tag] ?? '').trim();
        return s;
    });
}
export async function startQrscp(dir, extra = [], port) {
    const p = port ?? (await freePort());
    const cli = await startCli(['qrscp', String(p), '-aet', 'NETDICOM', '-od', dir, '-ba', '127.0.0.1', ...extra], { echo: { port: p, aec: 'NETDICOM' } });
    return { port: p, dir, cli, stop: () => cli.stop(), output: () => cli.output() };
}
/** A dcmtk server (storescp, dcmqrscp): spawned with TCP_NODELAY=1, ready once echoscu succeeds. */
export async function startDcmtk(cmd, args, port, aec) {
    const proc = spawn(cmd, args, { env: { ...process.env, TCP_NODELAY: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let running = true;
    proc.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    proc.stderr.setEncoding('utf8').on('data', (d) => (out += d));
    const exited = new Promise((r) => proc.on('exit', () => ((running = false), r())));
    const stop = async () => {
        if (!running)
            return;
        proc.kill('SIGTERM');
        const t = setTimeout(() => proc.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(t);
    };
    try {
        await waitForEcho(port, { aec, alive: () => running });
    }
    catch (e) {
        await stop();
        throw new Error(`${cmd}: ${e.message}\n${out}`);
    }
    return { port, stop, output: () => out };
}
/** dcmtk storescp accepting every transfer syntax (+xa), writing into `dir`. */
export async function startStorescp(dir, port, aet = 'DEST') {
    await mkdir(dir, { recursive: true });
    return startDcmtk('storescp', ['+xa', '-aet', aet, '-od', dir, String(port)], port, aet);
}
/** dcmtk dcmqrscp with one AE (`aet`) whose storage area is `dir`; stores only uncompressed data (its default). */
export async function startDcmqrscp(dir, aet = 'DCMQR') {
    const port = await freePort();
    const db = path.join(dir, 'db');
    await mkdir(db, { recursive: true });
    const cfg = path.join(dir, 'dcmqrscp.cfg');
    await writeFile(cfg, [
        `NetworkTCPPort = ${port}`, 'MaxPDUSize = 16384', 'MaxAssociations = 16',
        'HostTable BEGIN', 'HostTable END', 'VendorTable BEGIN', 'VendorTable END',
        'AETable BEGIN', `${aet} ${db} RW (1000, 1024mb) ANY`, 'AETable END', '',
    ].join('\n'));
    return startDcmtk('dcmqrscp', ['-c', cfg], port, aet);
}
/**
 * Sends `files` with dcmtk storescu, one association per transfer syntax
 * (dcmtk proposes a compressed syntax only when told which). Returns the
 * failed storescu runs (empty when all went through).
 */
export async function storeWithStorescu(port, aec, samples) {
    const groups = new Map();
    for (const s of samples)
        groups.set(s.TransferSyntaxUID, [...(groups.get(s.TransferSyntaxUID) ?? []), s.file]);
    const failures = [];
    await Promise.all([...groups].map(async ([ts, files]) => {
        const opt = SCU_OPTION[ts];
        const r = await run('storescu', [...SCU, ...(opt ? [opt] : []), '-aec', aec, '127.0.0.1', String(port), ...files]);
        if (r.code !== 0)
            failures.push(`storescu ${opt ?? ''} (${ts}): ${errorLines(r)}`);
    }));
    return failures;
}
/** The E:/F:/W: lines of a dcmtk run, for assertion messages. */
export function errorLines(r) {
    return (r.stdout + r.stderr).split('\n').filter((l) => /^[EFW]: /.test(l)).slice(0, 4).join(' | ') || `exit ${r.code}`;
}
/**
 * dcmtk findscu -v (`model` P or S) with `-k` keys; parses every Pending
 * response's top-level attributes and the final status.
 */
export async function findscu(port, aec, model, keys, extra = []) {
    const r = await run('findscu', ['-v', ...SCU, `-${model}`, '-aec', aec, ...extra, ...keys.flatMap((k) => ['-k', k]), '127.0.0.1', String(port)]);
    const log = r.stdout + r.stderr;
    const matches = [];
    let current;
    let final = '';
    for (const line of log.split('\n')) {
        if (/^I: Find Response: \d+ \(Pending/.test(line)) {
            matches.push((current = {}));
            continue;
        }
        const fin = /^I: Received Final Find Response \((.*)\)/.exec(line) ?? /^I: Received Final Find Response: (\S+)/.exec(line);
        if (fin) {
            final = fin[1];
            current = undefined;
            continue;
        }
        if (/^I: Find Response: \d+ \(/.test(line) || /^I: (Releasing|Aborting|Sending|Request Identifiers)/.test(line))
            current = undefined;
        const el = /^I: \(([0-9a-f]{4},[0-9a-f]{4})\) [A-Z]{2} (?:\[(.*)\]|\(no value available\))/.exec(line);
        if (el && current && !(el[1] in current))
            current[el[1]] = (el[2] ?? '').replace(/[\s\0]+$/, '');
    }
    return { matches, final, log };
}
/** A fresh temporary folder for a whole describe block; removed by the returned function. */
export async function suiteDir(prefix) {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
/** Sorted copy, for comparing answers as multisets. */
export const sorted = (xs) => [...xs].sort();
//# sourceMappingURL=qrscp-harness.js.map