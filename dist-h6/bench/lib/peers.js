/**
 * The Storage SCPs and SCUs a benchmark pits against each other: our CLI
 * (`node dist/apps/cli.js storescp|storescu`) and dcmtk's storescp/storescu,
 * always with TCP_NODELAY=1 for dcmtk. Receivers listen on a free port and
 * are ready when they accept a connection.
 */
import { accessSync, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { DCMTK_ENV, Proc, cliPath, freePort, waitForPort } from './process.js';
export const RECEIVER_NAME = {
    netdicom: 'netdicom storescp',
    dcmtk: 'dcmtk storescp',
    'dcmtk+B': 'dcmtk storescp +B',
};
export const SENDER_NAME = { netdicom: 'netdicom storescu', dcmtk: 'dcmtk storescu' };
const TIME = '/usr/bin/time';
export function onPath(name) {
    if (path.isAbsolute(name))
        return executable(name);
    for (const dir of (process.env.PATH ?? '').split(path.delimiter))
        if (dir && executable(path.join(dir, name)))
            return true;
    return false;
}
function executable(file) {
    try {
        accessSync(file, fsConstants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** Throws naming what is missing: dcmtk tools, cmp, the compiled CLI. */
export function requireTools(names) {
    const missing = names.filter((n) => !onPath(n));
    if (missing.length)
        throw new Error(`missing on PATH: ${missing.join(', ')} (apt-get install -y dcmtk diffutils)`);
    try {
        accessSync(cliPath, fsConstants.R_OK);
    }
    catch {
        throw new Error(`${cliPath} not found: build first (npx tsc -p tsconfig.json && node scripts/copy-assets.mjs)`);
    }
}
/** Starts a Storage SCP writing into `dir` and waits until it listens. `nodeArgs` go to node (e.g. --cpu-prof); `cli` replaces the CLI under test. */
export async function startReceiver(kind, dir, o) {
    const port = await freePort();
    const proc = kind === 'netdicom'
        ? new Proc(RECEIVER_NAME[kind], process.execPath, [...(o.nodeArgs ?? []), o.cli ?? cliPath, 'storescp', String(port), '-od', dir, '-ba', '127.0.0.1'], { timeoutMs: o.timeoutMs })
        : new Proc(RECEIVER_NAME[kind], 'storescp', [...(kind === 'dcmtk+B' ? ['+B'] : []), '-od', dir, String(port)], { timeoutMs: o.timeoutMs, env: DCMTK_ENV });
    await waitForPort(port, proc);
    return { kind, proc, port };
}
/** Runs a Storage SCU sending `files` to 127.0.0.1:port on one association; fails unless it exits 0. */
export function runSender(kind, port, files, o) {
    const [cmd, args, env] = kind === 'netdicom'
        ? [process.execPath, [...(o.nodeArgs ?? []), o.cli ?? cliPath, 'storescu', '127.0.0.1', String(port), ...files, '-aec', 'ANY-SCP'], process.env]
        : ['storescu', ['127.0.0.1', String(port), ...files, '-aec', 'ANY-SCP'], DCMTK_ENV];
    const timed = onPath(TIME);
    const proc = timed
        ? new Proc(SENDER_NAME[kind], TIME, ['-f', 'BENCH_MAXRSS_KB=%M', '--', cmd, ...args], { timeoutMs: o.timeoutMs, env })
        : new Proc(SENDER_NAME[kind], cmd, args, { timeoutMs: o.timeoutMs, env });
    const result = proc.success().then((e) => {
        const kb = /BENCH_MAXRSS_KB=(\d+)/.exec(proc.stderr)?.[1];
        const summary = /(\d+) sent, (\d+) failed in ([\d.]+) s/.exec(proc.stderr);
        if (summary && summary[2] !== '0')
            throw new Error(`${proc.label}: ${summary[0]}\n${proc.stderr.slice(-2000)}`);
        return {
            wallMs: e.wallMs,
            maxRssMiB: kb ? Number(kb) / 1024 : NaN,
            ...(summary ? { selfReportedMs: Number(summary[3]) * 1000, sent: Number(summary[1]) } : {}),
        };
    });
    return { proc, result };
}
//# sourceMappingURL=peers.js.map