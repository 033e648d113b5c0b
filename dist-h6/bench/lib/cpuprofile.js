/**
 * Summarizes a V8 .cpuprofile (as `node --cpu-prof` writes it): self time
 * per function, self time per package or project file, and inclusive time of
 * our own functions. Times in ms, from the sample time deltas.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './process.js';
const IDLE = new Set(['(idle)']);
/** Where a frame's code lives: a package name, a project file, node's internals, or V8's own bucket. */
function moduleOf(cf) {
    const u = cf.url;
    if (!u)
        return cf.functionName.startsWith('(') ? cf.functionName : '(native)';
    if (u.startsWith('node:'))
        return 'node:internal';
    const file = u.startsWith('file://') ? decodeURIComponent(u.slice(7)) : u;
    const nm = file.lastIndexOf('/node_modules/');
    if (nm >= 0) {
        const rest = file.slice(nm + 14).split('/');
        return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    }
    if (file.startsWith(projectRoot))
        return path.relative(projectRoot, file);
    const dist = file.lastIndexOf('/dist/'); // a build elsewhere (NETDICOM_CLI)
    return dist >= 0 ? file.slice(dist + 1) : file;
}
/** The project's own code: a file (not node's, not a package's). */
function isOurs(cf) {
    return cf.url.startsWith('file://') && !cf.url.includes('/node_modules/');
}
function frameName(cf) {
    const where = cf.url ? ` ${moduleOf(cf)}:${cf.lineNumber + 1}` : '';
    return `${cf.functionName || '(anonymous)'}${where}`;
}
function top(map, busyMs, n) {
    return [...map.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10, pct: Math.round((us / 1000 / busyMs) * 1000) / 10 }));
}
export function summarizeProfile(file, n = 15) {
    const p = JSON.parse(readFileSync(file, 'utf8'));
    const byId = new Map(p.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of p.nodes)
        for (const c of node.children ?? [])
            parent.set(c, node.id);
    const selfFn = new Map();
    const selfMod = new Map();
    const inclOurs = new Map();
    let busyUs = 0;
    let totalUs = 0;
    for (let i = 0; i < p.samples.length; i++) {
        const dt = p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0;
        const node = byId.get(p.samples[i]);
        if (!node)
            continue;
        totalUs += dt;
        if (IDLE.has(node.callFrame.functionName))
            continue;
        busyUs += dt;
        const fn = frameName(node.callFrame);
        selfFn.set(fn, (selfFn.get(fn) ?? 0) + dt);
        const mod = moduleOf(node.callFrame);
        selfMod.set(mod, (selfMod.get(mod) ?? 0) + dt);
        const seen = new Set();
        for (let id = node.id; id !== undefined; id = parent.get(id)) {
            const cf = byId.get(id).callFrame;
            if (!isOurs(cf))
                continue;
            const k = frameName(cf);
            if (seen.has(k))
                continue;
            seen.add(k);
            inclOurs.set(k, (inclOurs.get(k) ?? 0) + dt);
        }
    }
    const busyMs = busyUs / 1000;
    return {
        file,
        totalMs: Math.round(totalUs / 1000),
        busyMs: Math.round(busyMs),
        selfByFunction: top(selfFn, busyMs, n),
        selfByModule: top(selfMod, busyMs, n),
        inclusiveOurs: top(inclOurs, busyMs, n),
    };
}
//# sourceMappingURL=cpuprofile.js.map