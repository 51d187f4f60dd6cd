/**
 * Worker thread of the weekly search (see weekly-search.ts, createWorkerEvaluator). Receives the caches of
 * a search once as SharedArrayBuffers ('load'), then lists of candidates with a span ('eval'), and replies
 * with one `simulateWindow` result per candidate, in order — the very function the sequential path runs,
 * over the same values, so the results are identical. Runs from the compiled output
 * (dist/learning/weekly-worker.js).
 */
import { parentPort } from 'node:worker_threads';
import type { EngineParams } from '../engine/engine-params.js';
import type { OutcomeParams } from '../outcomes/resolve.js';
import { simulateWindow, viewSharedCache, type CacheView, type WorkerReply, type WorkerRequest } from './weekly-search.js';

type Loaded = { readonly caches: CacheView[]; readonly params: EngineParams; readonly outcome: OutcomeParams };

/** The data of recent searches by load id (older ones are dropped so their buffers can be freed). */
const searches = new Map<number, Loaded>();
const KEEP = 2;

const port = parentPort;
if (!port) throw new Error('weekly-worker.js must run as a worker thread (see createWorkerEvaluator)');

port.on('message', (m: WorkerRequest) => {
  if (m.type === 'load') {
    searches.set(m.id, { caches: m.caches.map(viewSharedCache), params: m.params, outcome: m.outcome });
    for (const id of searches.keys()) if (searches.size > KEEP && id !== m.id) searches.delete(id);
    return;
  }
  let reply: WorkerReply;
  try {
    const s = searches.get(m.id);
    if (!s) throw new Error(`search ${m.id} was not loaded`);
    reply = { job: m.job, results: m.cands.map((c) => simulateWindow(s.caches, m.from, m.to, c, s.params, s.outcome)) };
  } catch (e) {
    reply = { job: m.job, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
