/**
 * dcmtk and pynetdicom spell some options with one dash and several letters
 * (`-aet`, `-od`, `-pdu`), which commander reads as clustered short flags.
 * Each is rewritten to its long form before parsing, so both spellings work,
 * before or after the positional arguments.
 */
const ALIASES = {
    '-aet': '--aetitle',
    '-aec': '--call',
    '-aem': '--move-aet',
    '-od': '--output-directory',
    '-ba': '--bind-address',
    '-pdu': '--max-pdu',
    '-ta': '--acse-timeout',
    '-td': '--dimse-timeout',
    '-tn': '--network-timeout',
    '-to': '--connection-timeout',
    '-xa': '--promiscuous-xfer',
    '-usr': '--user',
    '-pwd': '--password',
    '-rsp': '--pos-response',
    '-rc': '--require-peer-cert',
    '-ic': '--ignore-peer-cert',
};
export function normalizeArgv(argv) {
    const out = [];
    for (const a of argv) {
        const eq = a.indexOf('=');
        const head = eq > 0 ? a.slice(0, eq) : a;
        const long = ALIASES[head];
        out.push(long ? (eq > 0 ? `${long}${a.slice(eq)}` : long) : a);
    }
    return out;
}
/** Parses a TCP port (1..65535; 0 allowed where `allowZero`). Throws with a clear message. */
export function parsePort(v, allowZero = false) {
    const n = Number(v);
    if (!Number.isInteger(n) || n < (allowZero ? 0 : 1) || n > 65535)
        throw new Error(`invalid port "${v}"`);
    return n;
}
export function parsePositiveInt(name) {
    return (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0)
            throw new Error(`invalid ${name} "${v}"`);
        return n;
    };
}
//# sourceMappingURL=args.js.map