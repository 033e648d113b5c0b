/**
 * Small data sets are read into reused buffers (ReadBuffers): a buffer comes
 * back only when the caller says no socket write is pending, so bytes still
 * queued for the peer are never overwritten by the next file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { planSend, ReadBuffers } from '../../services/scu/file-source.js';
import { readPart10Info, readSmallPart10 } from '../../services/storage/part10-reader.js';
import { samplesDir } from '../helpers/dcmtk.js';

const files = ['CT_small.dcm', 'MR_small.dcm'].map((f) => path.join(samplesDir(), 'valid', f));

test('a buffer is reused after done(false), never after done(true); each plan holds exactly its data set', async () => {
  const [ct, mr] = await Promise.all(files.map((f) => readPart10Info(f)));
  const contexts = [ct!, mr!].map((f, i) => ({ id: 2 * i + 1, abstractSyntax: f.sopClassUid, transferSyntax: f.transferSyntaxUid }));
  const buffers = new ReadBuffers();
  const expect = (info: typeof ct) => readFileSync(info!.path).subarray(info!.datasetOffset);

  const first = await planSend(ct!, contexts, buffers);
  assert.deepEqual(first.data, expect(ct));
  first.done!(true); // a write still pending: the buffer must not come back
  const second = await planSend(mr!, contexts, buffers);
  assert.notEqual(second.data!.buffer, first.data!.buffer);
  assert.deepEqual(first.data, expect(ct), 'the first data set is untouched');
  second.done!(false);
  const third = await planSend(ct!, contexts, buffers);
  assert.equal(third.data!.buffer, second.data!.buffer, 'reused once nothing was pending');
  assert.deepEqual(third.data, expect(ct));
});

test('a file read whole into a buffer (FileInBuffer) is sent from it, and its buffer comes back by done(false) or by a failed plan', async () => {
  const [ct] = await Promise.all(files.map((f) => readPart10Info(f)));
  const buffers = new ReadBuffers(1);
  const into = buffers.take();
  const small = readSmallPart10(ct!.path, into)!;
  let given = 0;
  const read = { bytes: small.bytes, giveBack: () => (given++, buffers.give(into)) };
  const context = { id: 1, abstractSyntax: ct!.sopClassUid, transferSyntax: ct!.transferSyntaxUid };
  const plan = await planSend(small.info, [context], buffers, read);
  assert.deepEqual(plan.data, readFileSync(ct!.path).subarray(ct!.datasetOffset));
  assert.equal(plan.data!.buffer, into.buffer, 'no copy');
  plan.done!(true);
  assert.equal(given, 0, 'not while a write is pending');
  plan.done!(false);
  assert.equal(given, 1);
  assert.equal(buffers.take(), into, 'reused');

  const again = readSmallPart10(ct!.path, into)!;
  const noContext = { id: 1, abstractSyntax: '1.2.3', transferSyntax: ct!.transferSyntaxUid };
  await assert.rejects(planSend(again.info, [noContext], buffers, { bytes: again.bytes, giveBack: () => given++ }), { name: 'NoPresentationContextError' });
  assert.equal(given, 2, 'given back when no plan is made');
});

