import { readFileSync } from 'node:fs';
/** Reads and checks a config file. Throws with the file name and the field at fault. */
export function loadConfig(path) {
    let raw;
    try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
    }
    catch (err) {
        throw new Error(`config ${path}: ${err.message}`);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw new Error(`config ${path}: not a JSON object`);
    const c = raw;
    for (const [k, v] of Object.entries(c.moveDestinations ?? {}))
        parseHostPort(v, `config ${path}: moveDestinations.${k}`);
    return c;
}
/** "AET=host:port" (command line) → [AET, {host, port}]. */
export function parseMoveDest(spec) {
    const eq = spec.indexOf('=');
    if (eq <= 0)
        throw new Error(`--move-dest "${spec}": expected AET=HOST:PORT`);
    return [spec.slice(0, eq).trim(), parseHostPort(spec.slice(eq + 1), `--move-dest ${spec}`)];
}
export function parseHostPort(v, what) {
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(v.trim());
    const port = m ? Number(m[2]) : NaN;
    if (!m || !(port > 0 && port < 65536))
        throw new Error(`${what}: expected HOST:PORT, got "${v}"`);
    return { host: m[1], port };
}
//# sourceMappingURL=qrscp-config.js.map