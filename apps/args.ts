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

export function normalizeArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of argv) {
    const eq = a.indexOf('=');
    const head = eq > 0 ? a.slice(0, eq) : a;
    const long = ALIASES[head];
    out.push(long ? (eq > 0 ? `${long}${a.slice(eq)}` : long) : a);
  }
  return out;
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
