import { checkAeTitle } from '../services/acse/ae-title.js';

/**
 * dcmtk and pynetdicom spell some options with one dash and several letters
 * (`-aet`, `-od`, `-pdu`), which commander reads as clustered short flags.
 * Each is rewritten to its long form before parsing, so both spellings work,
 * before or after the positional arguments.
 */
const ALIASES: Record<string, string> = {
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

/**
 * dcmtk options one app understands (the app is argv[0]): getscu's +x
 * options narrow the compressed syntaxes proposed for its C-STORE
 * sub-operations; movescu's +P runs its Storage SCP. Matched whole.
 */
const APP_ALIASES: Record<string, Record<string, string>> = {
  getscu: {
    '+x=': '--uncompressed-only',
    '--prefer-uncompr': '--uncompressed-only',
    '+xy': '--prefer-jpeg8',
    '+xx': '--prefer-jpeg12',
    '+xs': '--prefer-lossless',
    '+xt': '--prefer-jls-lossless',
    '+xu': '--prefer-jls-lossy',
    '+xv': '--prefer-j2k-lossless',
    '+xw': '--prefer-j2k-lossy',
    '+xr': '--prefer-rle',
  },
  movescu: { '+P': '--port' },
};

/** dcmtk `+` options that ask for what netdicom always does: accepted and ignored. */
const ALWAYS_ON = new Set(['+sd', '+r']); // storescu: scan folders, recursively

/**
 * Rewrites dcmtk spellings to ours (see ALIASES). Throws for any other
 * dcmtk `+` option, naming it, rather than letting it pass as a positional.
 */
export function normalizeArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  const own = APP_ALIASES[argv[0] ?? ''] ?? {};
  for (const a of argv) {
    if (ALWAYS_ON.has(a)) continue;
    if (Object.hasOwn(own, a)) {
      out.push(own[a]!);
      continue;
    }
    if (/^\+[A-Za-z]/.test(a)) throw new Error(`dcmtk option ${a} is not supported (see --help for this app's options)`);
    const eq = a.indexOf('=');
    const head = eq > 0 ? a.slice(0, eq) : a;
    const long = ALIASES[head];
    out.push(long ? (eq > 0 ? `${long}${a.slice(eq)}` : long) : a);
  }
  return out;
}

/** Commander parser for a variadic list of AE titles: each is checked (PS3.5 VR AE), then collected. */
export function aeTitles(v: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), checkAeTitle(v)];
}

/** Parses a TCP port (1..65535; 0 allowed where `allowZero`). Throws with a clear message. */
export function parsePort(v: string, allowZero = false): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1) || n > 65535) throw new Error(`invalid port "${v}"`);
  return n;
}

export function parsePositiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`invalid ${name} "${v}"`);
    return n;
  };
}

/** Our Maximum Length (bytes): finite, 4 KiB..64 MiB. 0 (unlimited) is refused: it would let a peer pick any PDU size. PS3.8 Annex D.1. */
export function parseMaxPdu(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 4096 || n > 64 << 20) {
    throw new Error(`invalid max PDU "${v}": give a Maximum Length from 4096 to 67108864 bytes (0, unlimited, is not offered)`);
  }
  return n;
}
