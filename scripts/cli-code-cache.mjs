// The CLI's V8 code cache (dist/cli/netdicom-app.cjs.cache, read by apps/launch.cts): made by a training run, a
// real `storescu` of a few files to our own Storage SCP on 127.0.0.1, so it holds the compiled code of what a run
// uses (start-up, association, the C-STORE loop), not just the bundle's top level (~10 ms more saved than that).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const FILES = 3;
const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';
const EXPLICIT_VR_LE = '1.2.840.10008.1.2.1';

/** Writes dist/cli/netdicom-app.cjs.cache under `root`; throws when the training run fails. */
export async function writeCodeCache(root) {
  const load = (m) => import(pathToFileURL(path.join(root, 'dist', m)).href);
  const { ApplicationEntity, IMPLEMENTATION_CLASS_UID } = await load('services/application-entity.js');
  const { cStoreScp } = await load('services/storage/c-store-scp.js');
  const { encodeFileMeta } = await load('services/storage/file-meta.js');
  const { encodeDataset } = await load('services/dimse/dataset-codec.js');
  const tmp = mkdtempSync(path.join(tmpdir(), 'netdicom-code-cache-'));
  const ae = new ApplicationEntity({ aeTitle: 'CODE-CACHE' }).addService(cStoreScp({ dir: tmp }));
  const server = await ae.listen({ port: 0, host: '127.0.0.1' });
  try {
    const files = [];
    for (let i = 1; i <= FILES; i++) {
      const uid = `2.25.${Date.now()}${i}`;
      const meta = { mediaStorageSopClassUid: SECONDARY_CAPTURE, mediaStorageSopInstanceUid: uid, transferSyntaxUid: EXPLICIT_VR_LE, implementationClassUid: IMPLEMENTATION_CLASS_UID };
      const ds = { SOPClassUID: SECONDARY_CAPTURE, SOPInstanceUID: uid, PatientName: 'CODE^CACHE', PatientID: 'CACHE', Modality: 'OT' };
      const file = path.join(tmp, `in-${i}.dcm`);
      writeFileSync(file, Buffer.concat([encodeFileMeta(meta), encodeDataset(ds, EXPLICIT_VR_LE)]));
      files.push(file);
    }
    const cache = path.join(root, 'dist/cli/netdicom-app.cjs.cache');
    const args = [path.join(root, 'dist/cli/netdicom.cjs'), 'storescu', '127.0.0.1', String(server.port), ...files, '-aec', 'CODE-CACHE'];
    let stderr = '';
    const code = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, { env: { ...process.env, NETDICOM_WRITE_CODE_CACHE: cache }, stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`code cache: the training run (storescu) exited with ${code}: ${stderr}`);
  } finally {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
