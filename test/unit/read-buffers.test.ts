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
import { readPart10Info } from '../../services/storage/part10-reader.js';
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
