import { describe, expect, it } from 'vitest';
import { candleFromOhlcv } from '../core/candle.js';
import { paramDefaults, resolveParams } from '../core/params.js';
import { newDecisionInputs } from '../engine/decide.js';
import { resolveEngineParams } from '../engine/engine-params.js';
import { DEFAULT_JOB_PARAMS, runJob, type JobContext } from '../engine/jobs.js';
import { SymbolEngine, defaultLearnedVectors } from '../engine/symbol-engine.js';
import { VoteCache } from '../engine/vote-cache.js';
import { createHeads } from '../heads/index.js';
import { HEAD_IDS, newVoteSlot, type Head, type HeadId } from '../heads/types.js';
import { DEFAULT_OUTCOME_PARAMS, type OutcomeParams } from '../outcomes/resolve.js';
import { sampleSeries } from '../../test/helpers/market-data.js';
import { LearningCoordinator } from './coordinator.js';
import {
  DEFAULT_HEAD_SEARCH_PARAMS,
  HEAD_PARAM_TABLES,
  HEAD_SEARCH_PARAMS,
  headParamCandidates,
  headIndicatorsDiffer,
  headParamSearch,
  headSearchParamsFrom,
  revote,
  SEARCH_HEADS,
  type HeadParams,
  type HeadSearchInput,
} from './head-param-search.js';
import { DEFAULT_WEEKLY_PARAMS, prng, type WeeklyParams } from './weekly-search.js';
import { DEFAULT_LEARNING_PARAMS } from './weights.js';

const MIN = 60_000;
const DAY = 86_400_000;

describe('HEAD_SEARCH_PARAMS', () => {
  it('has its defaults inside the bounds and is read from the weekly settings', () => {
    expect(DEFAULT_HEAD_SEARCH_PARAMS).toEqual({ headCandidates: 6, headSpread: 0.1, headWarmupHours: 48 });
    for (const [k, d] of Object.entries(HEAD_SEARCH_PARAMS)) {
      expect(d.default, k).toBeGreaterThanOrEqual(d.min);
      expect(d.default, k).toBeLessThanOrEqual(d.max);
    }
    expect(headSearchParamsFrom({ ...DEFAULT_WEEKLY_PARAMS, headCandidates: 0 })).toEqual({ ...DEFAULT_HEAD_SEARCH_PARAMS, headCandidates: 0 });
    expect(() => headSearchParamsFrom({ headSpread: 2 })).toThrow(/headSpread/);
  });
});

describe('headParamCandidates', () => {
  const current: HeadParams = { A: { emaFast: 12 }, H: { w4h: 0.5 } };

  it('perturbs 1–3 parameters of 1–2 heads (never I), within bounds, integers staying integers', () => {
    const cands = headParamCandidates(current, prng(7), 200, 0.1);
    expect(cands).toHaveLength(200);
    const keys = new Set<string>([JSON.stringify(current)]);
    for (const c of cands) {
      const heads = new Set(c.changes.map((ch) => ch.head));
      expect(heads.size).toBeGreaterThanOrEqual(1);
      expect(heads.size).toBeLessThanOrEqual(2);
      expect(heads.has('I')).toBe(false);
      expect(c.heads).toEqual([...heads].map((h) => HEAD_IDS.indexOf(h)).sort((a, b) => a - b));
      for (const h of heads) {
        const n = c.changes.filter((ch) => ch.head === h).length;
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(3);
      }
      for (const ch of c.changes) {
        const def = HEAD_PARAM_TABLES[ch.head][ch.param]!;
        expect(ch.to).not.toBe(ch.from);
        expect(ch.to).toBeGreaterThanOrEqual(def.min);
        expect(ch.to).toBeLessThanOrEqual(def.max);
        if (def.integer) expect(Number.isInteger(ch.to)).toBe(true);
        expect(Math.abs(ch.to - ch.from)).toBeLessThanOrEqual(0.1 * (def.max - def.min) + (def.integer ? 1 : 1e-6));
        expect(c.headParams[ch.head]![ch.param]).toBe(ch.to);
      }
      // unchanged letters are passed through; changed ones keep their other overrides
      for (const l of HEAD_IDS) {
        if (!heads.has(l)) expect(c.headParams[l]).toBe(current[l]);
        else for (const [k, v] of Object.entries(current[l] ?? {})) if (!c.changes.some((ch) => ch.head === l && ch.param === k)) expect(c.headParams[l]![k]).toBe(v);
        expect(() => resolveParams(HEAD_PARAM_TABLES[l], c.headParams[l], l)).not.toThrow();
      }
      const key = JSON.stringify(c.headParams);
      expect(keys.has(key)).toBe(false);
      keys.add(key);
    }
    // over many draws every searchable head and 1, 2 and 3 parameters per head occur
    expect(new Set(cands.flatMap((c) => c.changes.map((ch) => ch.head)))).toEqual(new Set(SEARCH_HEADS));
    expect(new Set(cands.map((c) => new Set(c.changes.map((ch) => ch.head)).size))).toEqual(new Set([1, 2]));
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(headParamCandidates(current, prng(42), 20, 0.2)).toEqual(headParamCandidates(current, prng(42), 20, 0.2));
    expect(headParamCandidates(current, prng(43), 20, 0.2)).not.toEqual(headParamCandidates(current, prng(42), 20, 0.2));
  });

  it('tells whether new parameters need other indicators (an indicator-set checkpoint would not restore)', () => {
    expect(headIndicatorsDiffer(createHeads, { A: { emaFast: 12 } }, {})).toBe(true);
    expect(headIndicatorsDiffer(createHeads, { A: { voteMin: 0.7 } }, {})).toBe(false);
  });

  it('refuses current parameters out of bounds', () => {
    expect(() => headParamCandidates({ A: { emaFast: 1 } }, prng(1), 3, 0.1)).toThrow(/headParams\.A\.emaFast/);
  });
});

describe('revote over real candles', () => {
  // 4 days of BTCUSDT; the "live" cache holds all of them, so a revote from its oldest candle sees the
  // same history from the same start as the engine that filled it.
  const candles = sampleSeries('BTCUSDT', 4 * 1440).candles;
  const params = resolveEngineParams({});
  const learned = defaultLearnedVectors(params);
  const live = new VoteCache(candles.length);
  {
    const e = new SymbolEngine('BTCUSDT', params, createHeads(), learned);
    e.cache = live;
    candles.forEach((c, i) => e.step(c, i < 1440));
  }
  const from = candles[1440]!.openTime;
  const to = candles[candles.length - 1]!.openTime + MIN;
  const make = (hp: HeadParams) => createHeads(hp);
  const column = (c: VoteCache, h: number) => {
    const out: number[] = [];
    for (let k = 0; k < c.size; k++) out.push(c.dir[c.slot(k) * 9 + h]!, c.conf[c.slot(k) * 9 + h]!);
    return out;
  };
  const same = (a: VoteCache, b: VoteCache, h: number) => {
    const x = column(a, h);
    const y = column(b, h);
    return x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
  };
  const changed: HeadParams = { A: { emaFast: 5 } };
  let full: VoteCache;

  it('with the current parameters reproduces the cached votes and inputs exactly', () => {
    const [r] = revote([live], {}, make, params, learned, from, to);
    expect(r!.size).toBe(live.size);
    for (let h = 0; h < 9; h++) expect(same(r!, live, h), `head ${HEAD_IDS[h]}`).toBe(true);
    for (const f of ['openTime', 'close', 'atr', 'swingHigh', 'swingLow', 'volumeZ'] as const) {
      expect(Array.from(r!.f[f].subarray(0, r!.size)), f).toEqual(Array.from(live.f[f].subarray(0, live.size)));
    }
    expect(Array.from(r!.regime)).toEqual(Array.from(live.regime));
    expect(Array.from(r!.tf)).toEqual(Array.from(live.tf));
    // spliced (only some heads re-run, the rest copied): the same
    const [s] = revote([live], {}, make, params, learned, from, to, { heads: [0, 7] });
    for (let h = 0; h < 9; h++) expect(same(s!, live, h)).toBe(true);
  });

  it('with a changed parameter changes the votes of that head only (full and spliced agree)', () => {
    [full] = revote([live], changed, make, params, learned, from, to);
    expect(same(full, live, 0)).toBe(false);
    for (let h = 1; h < 9; h++) expect(same(full, live, h), `head ${HEAD_IDS[h]}`).toBe(true);
    const [s] = revote([live], changed, make, params, learned, from, to, { heads: [0] });
    for (let h = 0; h < 9; h++) expect(same(s!, full, h), `head ${HEAD_IDS[h]}`).toBe(true);
  });

  it('stops before `to` and copies a wrapped ring in time order', () => {
    const ring = new VoteCache(2 * 1440);
    const e = new SymbolEngine('BTCUSDT', params, createHeads(), learned);
    e.cache = ring;
    candles.forEach((c) => e.step(c));
    const cut = candles[3 * 1440]!.openTime;
    const [r] = revote([ring], {}, make, params, learned, cut, cut, { heads: [] });
    expect(r!.size).toBe(1440);
    expect(r!.f.openTime[0]).toBe(candles[2 * 1440]!.openTime);
    expect(r!.f.openTime[1439]).toBe(candles[3 * 1440 - 1]!.openTime);
    for (let h = 0; h < 9; h++) for (let k = 0; k < 1440; k++) expect(r!.dir[k * 9 + h]).toBe(ring.dir[ring.slot(k) * 9 + h]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The stage and its gate, on a synthetic market with scripted heads whose timing depends on their parameters.

const T0 = Date.UTC(2024, 0, 1);
/** Loose filters and limits (as in the weekly-search tests); ranging: stop 1 ATR, target 2 ATR. */
const PARAMS = resolveEngineParams({
  consensus: { minAgreeing: 1, minConfluence: 0.5 },
  filters: { minVolumeZ: -5, minAtrPct: 0, minStopPct: 0, maxStopPct: 0.5, minStopAtr: 0.1, maxStopAtr: 20, minRewardRisk: 0.5, minHistory: 10000, minWinRate: 0 },
  risk: { stopAtrRanging: 1, targetAtrRanging: 2, levelCap: 0, maxHoldMinutes: 600 },
  limits: { maxPerDayRanging: 50, cooldownRanging: 0 },
});
const OUT: OutcomeParams = { ...DEFAULT_OUTCOME_PARAMS, tolerance: 0 };
const CYCLE = 30;
/** minute of the cycle after which price jumps 2.5 (a LONG takes its target) / drops 1.5 (a LONG takes its stop) */
const GOOD = 0;
const BAD = 15;

/**
 * Stub heads A..H: each votes LONG (0.8) once per cycle, at the GOOD minute when its parameters are the
 * defaults and `tunedIsGood`, else at the BAD minute (and the other way round without `tunedIsGood`).
 * Head I stays NEUTRAL. No indicators, so no warm-up.
 */
function scriptedHeads(tunedIsGood: boolean) {
  return (hp: HeadParams): Head[] =>
    HEAD_IDS.map((id: HeadId) => {
      const table = HEAD_PARAM_TABLES[id];
      const p = resolveParams(table, hp[id], id);
      const tuned = JSON.stringify(p) === JSON.stringify(paramDefaults(table));
      const minute = id === 'I' ? -1 : tuned === tunedIsGood ? GOOD : BAD;
      return {
        id,
        specialty: 'scripted',
        params: p,
        requires: () => [],
        bind: () => undefined,
        evaluate(ctx, out) {
          const on = Math.floor(ctx.candle.openTime / MIN) % CYCLE === minute;
          out.direction = on ? 1 : 0;
          out.confidence = on ? 0.8 : 0;
          out.reasons = 0;
        },
        describe: () => [],
      } satisfies Head;
    });
}

/** `days` of 1m candles at 100 (up after GOOD, down after BAD), with the votes of `heads` at default parameters. */
function syntheticCache(days: number, heads: Head[]): VoteCache {
  const n = days * 1440;
  const cache = new VoteCache(n);
  const inp = newDecisionInputs();
  const votes = Array.from({ length: 9 }, () => newVoteSlot());
  for (let m = 0; m < n; m++) {
    const t = T0 + m * MIN;
    const phase = m % CYCLE;
    const c = phase === GOOD + 1 ? candleFromOhlcv(t, 100, 102.5, 99.5, 100, 1, MIN) : phase === BAD + 1 ? candleFromOhlcv(t, 100, 100.5, 98.5, 100, 1, MIN) : candleFromOhlcv(t, 100, 100, 100, 100, 1, MIN);
    const ctx = { values: new Float64Array(0), candle: c, tf: 0, regime: 2 };
    heads.forEach((h, i) => h.evaluate(ctx, votes[i]!));
    Object.assign(inp, { openTime: t, close: c.close, volume: 1, regime: 2, tf: 0, atr: 1, swingHigh: NaN, swingLow: NaN, volumeZ: 0 });
    cache.push(c, inp, votes);
  }
  return cache;
}

const WEEKLY: WeeklyParams = { ...DEFAULT_WEEKLY_PARAMS, windowDays: 3, minOutcomes: 0 };
const THRESHOLDS = [0.55, 0.55, 0.6, 0.65];
const VECTORS = { weights: new Float64Array(36).fill(1 / 9), thresholds: Float64Array.from(THRESHOLDS) };

function stageInput(tunedIsGood: boolean, over: Partial<HeadSearchInput> = {}): HeadSearchInput {
  const make = scriptedHeads(tunedIsGood);
  return {
    caches: [syntheticCache(3, make({}))],
    now: T0 + 3 * DAY,
    vectors: VECTORS,
    headParams: {},
    baseHeadParams: {},
    createHeads: make,
    params: PARAMS,
    outcome: OUT,
    weekly: WEEKLY,
    head: { ...DEFAULT_HEAD_SEARCH_PARAMS, headWarmupHours: 6 },
    ...over,
  };
}

describe('headParamSearch (the weekly stage)', () => {
  it('refuses when every candidate is worse: the current parameters stay', () => {
    const r = headParamSearch(stageInput(true));
    expect(r.status).toBe('keep');
    expect(r.reason).toMatch(/current head parameters are the best on the training span/);
    expect(r.candidates).toHaveLength(6);
    const cur = r.current.train!;
    expect(cur.trades).toBeGreaterThanOrEqual(8);
    for (const c of r.candidates) {
      expect(c.invalid).toBeNull();
      expect(c.train!.trades).toBeGreaterThan(cur.trades);
      expect(c.train!.expectancy!).toBeLessThan(cur.expectancy!);
    }
    expect(r.best).toBeNull();
    expect(r.window).toEqual({ from: T0, evalFrom: T0 + 6 * 3_600_000, split: T0 + Math.round(0.7 * 3 * 1440) * MIN, to: T0 + 3 * DAY });
  });

  it('refuses a better-looking candidate whose held-out gain is not above minImprovement', () => {
    const r = headParamSearch(stageInput(false, { weekly: { ...WEEKLY, minImprovement: 10 } }));
    expect(r.status).toBe('keep');
    expect(r.best).not.toBeNull();
    expect(r.improvement!).toBeGreaterThan(0);
    expect(r.improvement!).toBeLessThanOrEqual(10);
    expect(r.reason).toMatch(/not above 10 over the current parameters/);
  });

  it('deploys a candidate that beats the current parameters and its control on the held-out span, deterministically', () => {
    const r = headParamSearch(stageInput(false));
    expect(r.status).toBe('deploy');
    const b = r.best!;
    expect(b.holdout.expectancy!).toBeGreaterThan(r.current.holdout!.expectancy!);
    // the scripted heads need no warm-up: the control (same heads, current parameters, re-run) equals the live votes
    expect(b.control.holdout).toEqual(r.current.holdout);
    expect(r.controlImprovement).toBe(r.improvement);
    for (const ch of b.changes) expect(b.headParams[ch.head]![ch.param]).toBe(ch.to);
    expect(Object.keys(b.headParams).sort()).toEqual([...b.heads]);
    expect(b.indicatorsChanged).toBe(false);
    const again = headParamSearch(stageInput(false));
    expect({ ...again, ms: null }).toEqual({ ...r, ms: null });
  });

  it('is skipped when disabled or when the warm-up leaves no training span', () => {
    expect(headParamSearch(stageInput(true, { head: { ...DEFAULT_HEAD_SEARCH_PARAMS, headCandidates: 0 } })).status).toBe('skipped');
    const r = headParamSearch(stageInput(true, { head: { ...DEFAULT_HEAD_SEARCH_PARAMS, headWarmupHours: 60 } }));
    expect(r.status).toBe('skipped');
    expect(r.reason).toMatch(/warm-up/);
  });
});

describe('the weekly job with the head-parameter stage', () => {
  function context(tunedIsGood: boolean, weekly: Partial<WeeklyParams & { headWarmupHours: number; headCandidates: number }> = {}) {
    const coordinator = new LearningCoordinator(
      { mode: 'seed', perRegime: false },
      { version: 3, state: { headWeights: new Array<number>(9).fill(1 / 9), regimeWeights: null, thresholds: THRESHOLDS, headParams: {} } },
    );
    const make = scriptedHeads(tunedIsGood);
    const ctx: JobContext & { createHeads: typeof make } = {
      coordinator,
      recent: [],
      caches: [syntheticCache(3, make({}))],
      params: PARAMS,
      outcome: OUT,
      learningParams: DEFAULT_LEARNING_PARAMS,
      jobParams: DEFAULT_JOB_PARAMS,
      weekly: { ...WEEKLY, headWarmupHours: 6, ...weekly } as WeeklyParams,
      counters: {},
      createHeads: make,
    };
    return ctx;
  }

  it('keeps the version when no head-parameter candidate improves', async () => {
    const ctx = context(true);
    const { run } = await runJob('weekly', T0 + 3 * DAY, ctx);
    expect(run.status).toBe('ok');
    const res = run.result as { deployed: { vectors: boolean; headParams: boolean }; headSearch: { status: string } };
    expect(res.headSearch.status).toBe('keep');
    expect(res.deployed).toEqual({ vectors: false, headParams: false });
    expect(run.versionAfter).toBe(3);
    expect(ctx.coordinator.state().headParams).toEqual({});
  });

  it('deploys better head parameters with the version (effective on engine restart) and records the numbers', async () => {
    const ctx = context(false);
    const { run } = await runJob('weekly', T0 + 3 * DAY, ctx);
    expect(run.status).toBe('ok');
    const res = run.result as {
      deployed: { vectors: boolean; headParams: boolean };
      headSearch: { status: string; current: { holdout: { trades: number } }; best: { headParams: HeadParams; changes: unknown[]; holdout: { trades: number } } };
      headParamsApply: string;
    };
    expect(res.headSearch.status).toBe('deploy');
    expect(res.deployed.headParams).toBe(true);
    expect(run.versionAfter).toBe(4);
    expect(ctx.coordinator.state().headParams).toEqual(res.headSearch.best.headParams);
    expect(ctx.coordinator.state().thresholds).toEqual(THRESHOLDS);
    expect(res.headParamsApply).toMatch(/\(re\)started/);
    expect(run.summary).toMatch(/deployed version 4 \(head parameters; head parameters apply on engine restart/);
    expect(res.headSearch.best.changes.length).toBeGreaterThan(0);
  });

  it('runs no head stage with headCandidates 0', async () => {
    const ctx = context(false, { headCandidates: 0 });
    const { run } = await runJob('weekly', T0 + 3 * DAY, ctx);
    expect((run.result as { headSearch: { status: string } }).headSearch.status).toBe('skipped');
    expect(run.versionAfter).toBe(3);
  });
});
