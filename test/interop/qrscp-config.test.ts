/**
 * `netdicom qrscp -c FILE`: a configuration file shaped like
 * examples/qrscp.config.json gives the AE title, port, bind address, storage
 * folder and move destinations; options on the command line override it.
 * Observed the way a user would: dcmtk findscu sees the AE title as the
 * Retrieve AE Title, movescu reaches the destination the winning entry names.
 * -od on the command line also takes the index along (the config's
 * databasePath belongs to the config's storageDir) unless --db is given.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort, projectRoot, readAttributes, run, samplesDir, startCli, tempDir } from '../helpers/dcmtk.js';
import { errorLines, findscu, haveDcmtk, readSamples, SCU, startStorescp, storeWithStorescu, type Sample } from './qrscp-harness.js';

const skip = !haveDcmtk(['movescu', 'storescp']) && 'dcmtk not installed';

/** examples/qrscp.config.json with test values: its own folder and port, no inspector. */
async function writeConfig(dir: string, fields: Record<string, unknown>): Promise<string> {
  const example = JSON.parse(await readFile(path.join(projectRoot, 'examples', 'qrscp.config.json'), 'utf8')) as Record<string, unknown>;
  delete example.inspectPort;
  const file = path.join(dir, 'qrscp.config.json');
  await writeFile(file, JSON.stringify({ ...example, bindAddress: '127.0.0.1', ...fields }, null, 2));
  return file;
}

/** Starts the CLI with `args`, ready once echoscu (called AE `aec`) succeeds on `port`; stopped after the test. */
async function start(t: TestContext, args: string[], port: number, aec: string) {
  const cli = await startCli(['qrscp', ...args], { echo: { port, aec } });
  t.after(() => cli.stop());
  return cli;
}

/** Stores MR_small, then: the Retrieve AE Title a C-FIND returns, and the SOP Instance UIDs a C-MOVE to `moveDest` delivered. */
async function exercise(t: TestContext, port: number, aet: string, moveDest: string, destPort: number) {
  const mr: Sample = (await readSamples([path.join(samplesDir(), 'valid', 'MR_small.dcm')]))[0]!;
  assert.deepEqual(await storeWithStorescu(port, aet, [mr]), []);
  const found = await findscu(port, aet, 'S', ['QueryRetrieveLevel=STUDY', `StudyInstanceUID=${mr.StudyInstanceUID}`, 'RetrieveAETitle']);
  assert.equal(found.matches.length, 1, found.log);
  const destDir = path.join(await tempDir(t), 'dest');
  const dest = await startStorescp(destDir, destPort, moveDest);
  t.after(() => dest.stop());
  const r = await run('movescu', [...SCU, '-S', '-aec', aet, '-aem', moveDest, '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${mr.StudyInstanceUID}`, '127.0.0.1', String(port)]);
  assert.equal(r.code, 0, errorLines(r));
  const files = (await readdir(destDir)).map((n) => path.join(destDir, n));
  const delivered = [...(await readAttributes(files, ['0008,0018'])).values()].map((a) => a['0008,0018']);
  return { retrieveAETitle: found.matches[0]!['0008,0054'], delivered, sop: mr.SOPInstanceUID };
}

test('qrscp -c FILE takes the AE title, port, storage folder and move destinations from the file', { skip, timeout: 60_000 }, async (t) => {
  const dir = await tempDir(t, 'netdicom-qrscp-config-');
  const [port, destPort] = [await freePort(), await freePort()];
  const store = path.join(dir, 'from-config');
  const cfg = await writeConfig(dir, {
    aeTitle: 'CFGQR', port, storageDir: store, databasePath: path.join(store, '.netdicom-index.sqlite'),
    moveDestinations: { CFGDEST: `127.0.0.1:${destPort}` },
  });
  await start(t, ['-c', cfg], port, 'CFGQR');
  const got = await exercise(t, port, 'CFGQR', 'CFGDEST', destPort);
  assert.equal(got.retrieveAETitle, 'CFGQR');
  assert.deepEqual(got.delivered, [got.sop]);
  assert.equal((await readdir(store)).filter((n) => !n.startsWith('.')).length, 1, 'the instance is stored in the config storageDir');
});

test('command-line options override the config file: port, -aet, -od and --move-dest', { skip, timeout: 60_000 }, async (t) => {
  const dir = await tempDir(t, 'netdicom-qrscp-config-');
  const [cfgPort, cliPort, cfgDestPort, cliDestPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const cfgStore = path.join(dir, 'from-config');
  const cliStore = path.join(dir, 'from-cli');
  await mkdir(cfgStore);
  const cfg = await writeConfig(dir, {
    aeTitle: 'CFGQR', port: cfgPort, storageDir: cfgStore, databasePath: path.join(cfgStore, '.netdicom-index.sqlite'),
    moveDestinations: { CFGDEST: `127.0.0.1:${cfgDestPort}` }, // nothing listens there: a move reaching it would fail
  });
  await start(t, [String(cliPort), '-c', cfg, '-aet', 'CLIQR', '-od', cliStore, '--move-dest', `CFGDEST=127.0.0.1:${cliDestPort}`], cliPort, 'CLIQR');
  const got = await exercise(t, cliPort, 'CLIQR', 'CFGDEST', cliDestPort);
  assert.equal(got.retrieveAETitle, 'CLIQR');
  assert.deepEqual(got.delivered, [got.sop], 'the --move-dest entry replaced the config one');
  assert.equal((await readdir(cliStore)).filter((n) => !n.startsWith('.')).length, 1, 'stored in the -od folder');
  // Regression: the config's databasePath (the index of the config's storageDir) was used for the -od folder too.
  assert.ok((await readdir(cliStore)).includes('.netdicom-index.sqlite'), 'the index lives with the -od folder');
  assert.deepEqual(await readdir(cfgStore), [], 'nothing (no index either) in the config storageDir');
});
