import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { WorkerPool, withoutTypeScriptLoader } from '../../server/src/node/pool.js';

const WORKER = join(import.meta.dirname, '..', 'fixtures', 'pool', 'worker.ts');

test('a pool runs tasks in workers and returns their plain data', async () => {
  const pool = new WorkerPool<object, unknown>(WORKER, { workerData: { greeting: 'hi' } });
  try {
    assert.equal(pool.size, availableParallelism());
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run({ op: 'double', n })));
    assert.deepEqual(results, [2, 4, 6, 8, 10].map((n) => ({ n })));
    assert.deepEqual(await pool.run({ op: 'data' }), { greeting: 'hi' });
  } finally {
    await pool.close();
  }
});

test('an error thrown in a worker rejects its task with the message, and the pool goes on', async () => {
  const pool = new WorkerPool<object, unknown>(WORKER, { size: 1 });
  try {
    await assert.rejects(pool.run({ op: 'throw', message: 'no such grammar' }), { message: 'no such grammar' });
    assert.deepEqual(await pool.run({ op: 'double', n: 21 }), { n: 42 });
  } finally {
    await pool.close();
  }
});

test('a worker that exits rejects its task with a clear message; queued tasks still run', async () => {
  const pool = new WorkerPool<object, unknown>(WORKER, { size: 1, name: 'test' });
  try {
    const dying = pool.run({ op: 'exit' });
    const after = pool.run({ op: 'double', n: 1 });
    await assert.rejects(dying, { message: 'the test worker stopped: it exited with code 3' });
    assert.deepEqual(await after, { n: 2 });
  } finally {
    await pool.close();
  }
});

test('a worker script that cannot load rejects tasks instead of hanging', async () => {
  const pool = new WorkerPool<object, unknown>(join(import.meta.dirname, 'no-such-worker.mjs'), { size: 2, name: 'missing' });
  try {
    await assert.rejects(pool.run({ op: 'double', n: 1 }), /^Error: the missing worker stopped: .*no-such-worker/);
  } finally {
    await pool.close();
  }
});

test('cancelling a token rejects queued and running tasks with CancelledError', async () => {
  const pool = new WorkerPool<object, unknown>(WORKER, { size: 1 });
  try {
    const token = { isCancellationRequested: false };
    const running = pool.run({ op: 'spin', ms: 2000 }, token);
    const queued = pool.run({ op: 'double', n: 1 }, token);
    token.isCancellationRequested = true;
    await assert.rejects(running, { name: 'CancelledError' });
    await assert.rejects(queued, { name: 'CancelledError' });
    await assert.rejects(pool.run({ op: 'double', n: 1 }, token), { name: 'CancelledError' });
    // The abandoned worker was replaced.
    assert.deepEqual(await pool.run({ op: 'double', n: 5 }), { n: 10 });
  } finally {
    await pool.close();
  }
});

test('the calling thread can take the tasks no worker has started, from the same queue', async () => {
  const pool = new WorkerPool<{ op: string; n?: number; ms?: number }, unknown>(WORKER, { size: 1 });
  try {
    const token = { isCancellationRequested: false };
    const running = pool.run({ op: 'spin', ms: 300 });
    const first = pool.run({ op: 'double', n: 2 });
    const cancelled = pool.run({ op: 'double', n: 3 }, token);
    const failing = pool.run({ op: 'double', n: 4 });
    const ran: unknown[] = [];
    assert.equal(
      await pool.runQueuedHere((task) => {
        ran.push(task);
        return { here: task.n };
      }),
      true,
    );
    assert.deepEqual(await first, { here: 2 });
    token.isCancellationRequested = true;
    assert.equal(await pool.runQueuedHere((task) => ran.push(task)), true);
    await assert.rejects(cancelled, { name: 'CancelledError' });
    assert.equal(await pool.runQueuedHere(() => Promise.reject(new Error('no parser here'))), true);
    await assert.rejects(failing, { message: 'no parser here' });
    assert.equal(await pool.runQueuedHere((task) => ran.push(task)), false);
    assert.deepEqual(ran, [{ op: 'double', n: 2 }], 'a cancelled task does not run');
    assert.deepEqual(await running, { spun: 300 });
  } finally {
    await pool.close();
  }
});

test('close rejects what is still queued', async () => {
  const pool = new WorkerPool<object, unknown>(WORKER, { size: 1 });
  const running = assert.rejects(pool.run({ op: 'spin', ms: 300 }), /closed while the task ran/);
  const queued = assert.rejects(pool.run({ op: 'double', n: 1 }), /closed before the task ran/);
  await pool.close();
  await running;
  await queued;
  await assert.rejects(pool.run({ op: 'double', n: 1 }), /closed/);
});

test('a JavaScript worker starts without the TypeScript loader the process runs under', async () => {
  assert.ok(process.execArgv.some((a) => /tsx/.test(a)), 'the tests run under tsx');
  const pool = new WorkerPool<object, string[]>(join(import.meta.dirname, '..', 'fixtures', 'pool', 'argv-worker.mjs'), { size: 1 });
  try {
    const argv = await pool.run({});
    assert.deepEqual(argv, withoutTypeScriptLoader(process.execArgv));
    assert.ok(!argv.some((a) => /tsx/.test(a)), argv.join(' '));
  } finally {
    await pool.close();
  }
});

test('only a TypeScript loader is left out of the worker options', () => {
  assert.deepEqual(withoutTypeScriptLoader(['--import', 'tsx', '--max-old-space-size=512']), ['--max-old-space-size=512']);
  assert.deepEqual(withoutTypeScriptLoader(['--import=tsx/esm', '--enable-source-maps']), ['--enable-source-maps']);
  assert.deepEqual(withoutTypeScriptLoader(['--import', './setup.mjs', '-r', 'tsx/cjs']), ['--import', './setup.mjs']);
});
