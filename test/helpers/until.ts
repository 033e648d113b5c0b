/**
 * Polls `probe` on setImmediate (which a mocked clock leaves alone) until it
 * is truthy; socket I/O goes on between polls. Fails after 10 s of real time.
 * (helpers/dcmtk.ts `eventually` polls on a 25 ms timer, for real-clock tests.)
 */
export async function until<T>(probe: () => T | undefined | false, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}
