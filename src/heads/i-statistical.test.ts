import { describe, expect, it } from 'vitest';
import type { Candle } from '../core/candle.js';
import { IndicatorSet } from '../indicators/indicator-set.js';
import { candlesFromCloses, noise } from '../../test/helpers/heads.js';
import { sampleSeries } from '../../test/helpers/market-data.js';
import { mergeRequirements } from './require.js';
import { FEATURE_NAMES, I_PARAMS, I_REASONS, StatisticalHead } from './i-statistical.js';
import { type HeadContext, newVoteSlot, type VoteSlot } from './types.js';

const bit = (name: (typeof I_REASONS)[number]) => 1 << I_REASONS.indexOf(name);
const RSI = FEATURE_NAMES.indexOf('RSI');

/** A price oscillating around 100 (period 80 candles) with noise, so the RSI swings from low to high. */
function waves(n: number, seed = 1): Candle[] {
  const r = noise(seed);
  const closes = Array.from({ length: n }, (_, i) => 100 + 3 * Math.sin((2 * Math.PI * i) / 80) + 0.15 * r());
  return candlesFromCloses(closes, { volume: () => 10 + 5 * Math.abs(r()) });
}

/** Feeds the candles to a set with what the head requires and calls `step` with the context of each. */
function drive(head: StatisticalHead, candles: readonly Candle[], tf: number, step: (ctx: HeadContext, i: number) => void): void {
  const set = new IndicatorSet(mergeRequirements([head.requires()]));
  head.bind(set);
  candles.forEach((candle, i) => {
    set.update(candle);
    step({ values: set.values, candle, tf, regime: 2 }, i);
  });
}

/** The synthetic rule: LONG wins when the RSI is below 40, SHORT wins when it is above 60. */
function teach(head: StatisticalHead, f: Float64Array): void {
  head.learn(f, 1, f[RSI]! < 40);
  head.learn(f, -1, f[RSI]! > 60);
}

describe('head I (statistical learner)', () => {
  it('every parameter default lies within its bounds', () => {
    for (const d of Object.values(I_PARAMS)) {
      expect(d.default).toBeGreaterThanOrEqual(d.min);
      expect(d.default).toBeLessThanOrEqual(d.max);
    }
    expect(I_REASONS.length).toBeLessThanOrEqual(30);
    expect(new StatisticalHead().featureCount).toBe(FEATURE_NAMES.length);
  });

  it('starts NEUTRAL and says it is learning, with how many outcomes it has of how many it needs', () => {
    const head = new StatisticalHead();
    const votes: VoteSlot[] = [];
    let last: HeadContext | null = null;
    drive(head, waves(300), 0, (ctx) => {
      const out = newVoteSlot();
      head.evaluate(ctx, out);
      votes.push(out);
      last = ctx;
    });
    expect(votes[0]!.reasons).toBe(bit('warming up'));
    expect(votes.every((v) => v.direction === 0 && v.confidence === 0)).toBe(true);
    expect(votes.at(-1)!.reasons).toBe(bit('learning: not enough outcomes yet'));
    expect(head.describe(votes.at(-1)!.reasons, last!)).toEqual(['learning: 0 of 30 outcomes']);
    const f = new Float64Array(head.featureCount);
    expect(head.captureFeatures(last!, f)).toBe(true);
    for (let i = 0; i < 12; i++) head.learn(f, 1, true);
    expect(head.describe(bit('learning: not enough outcomes yet'), last!)).toEqual(['learning: 12 of 30 outcomes']);
  });

  it('after learning "RSI low → LONG wins, RSI high → SHORT wins" it votes LONG on low RSI, SHORT on high, NEUTRAL in between', () => {
    const head = new StatisticalHead({ learningRate: 0.05 });
    const candles = waves(3000, 2);
    const f = new Float64Array(head.featureCount);
    const seen: { rsi: number; dir: number; conf: number }[] = [];
    let described = '';
    drive(head, candles, 0, (ctx, i) => {
      if (!head.captureFeatures(ctx, f)) return;
      if (i < 2000) {
        teach(head, f);
        return;
      }
      const out = newVoteSlot();
      head.evaluate(ctx, out);
      seen.push({ rsi: f[RSI]!, dir: out.direction, conf: out.confidence });
      if (out.direction === 1 && !described) described = head.describe(out.reasons, ctx).join('; ');
    });
    const share = (sel: (s: (typeof seen)[number]) => boolean, dir: number) => {
      const xs = seen.filter(sel);
      expect(xs.length).toBeGreaterThan(20);
      return xs.filter((s) => s.dir === dir).length / xs.length;
    };
    expect(share((s) => s.rsi < 30, 1)).toBeGreaterThan(0.9);
    expect(share((s) => s.rsi > 70, -1)).toBeGreaterThan(0.9);
    expect(share((s) => s.rsi > 45 && s.rsi < 55, 0)).toBeGreaterThan(0.9);
    expect(seen.every((s) => s.conf >= 0 && s.conf <= 0.8)).toBe(true);
    expect(described).toMatch(/P\(win \| LONG\) 0\.\d+.*LONG predicted to win.*main drivers/);
  });

  it('learns only through learn(): evaluating, capturing and describing never change the model', () => {
    const head = new StatisticalHead({ learningRate: 0.05, minOutcomes: 5 });
    const f = new Float64Array(head.featureCount);
    drive(head, waves(600, 3), 0, (ctx, i) => {
      if (i < 300) {
        if (head.captureFeatures(ctx, f)) teach(head, f);
        return;
      }
      const before = JSON.stringify(head.snapshot());
      const out = newVoteSlot();
      head.evaluate(ctx, out);
      head.captureFeatures(ctx, f);
      head.describe(-1 >>> 0, ctx);
      expect(JSON.stringify(head.snapshot())).toBe(before);
    });
    // the public surface: learn() is the only way to learn, restore() the only other writer
    const methods = Object.getOwnPropertyNames(StatisticalHead.prototype).filter((m) => !['constructor', 'outcomes'].includes(m));
    expect(methods.sort()).toEqual(['bind', 'captureFeatures', 'configs', 'describe', 'evaluate', 'learn', 'predict', 'requires', 'restore', 'scale', 'snapshot', 'standardise'].sort());
  });

  it('refuses an example with a missing feature', () => {
    const head = new StatisticalHead();
    const f = new Float64Array(head.featureCount).fill(1);
    f[3] = NaN;
    expect(head.learn(f, 1, true)).toBe(false);
    expect(head.outcomes).toBe(0);
    expect(() => head.learn(new Float64Array(3), 1, true)).toThrow(/features/);
  });

  it('snapshot() and restore() continue exactly, through JSON', () => {
    const a = new StatisticalHead({ minOutcomes: 20 });
    const candles = waves(1200, 4);
    const f = new Float64Array(a.featureCount);
    drive(a, candles.slice(0, 600), 0, (ctx) => {
      if (a.captureFeatures(ctx, f)) teach(a, f);
    });
    const b = new StatisticalHead({ minOutcomes: 20 });
    b.restore(JSON.parse(JSON.stringify(a.snapshot())));
    expect(b.snapshot()).toEqual(a.snapshot());
    const votes = { a: [] as VoteSlot[], b: [] as VoteSlot[] };
    for (const [head, list] of [[a, votes.a], [b, votes.b]] as const) {
      const g = new Float64Array(head.featureCount);
      drive(head, candles, 0, (ctx, i) => {
        if (i < 600 || !head.captureFeatures(ctx, g)) return;
        const out = newVoteSlot();
        head.evaluate(ctx, out);
        list.push(out);
        teach(head, g);
      });
    }
    expect(votes.b).toEqual(votes.a);
    expect(votes.a.some((v) => v.direction !== 0)).toBe(true);
    expect(b.snapshot()).toEqual(a.snapshot());
    // a snapshot learned with other periods is refused
    expect(() => new StatisticalHead({ rsiPeriod: 7 }).restore(a.snapshot())).toThrow(/other features or periods/);
    expect(() => b.restore({ version: 1 })).toThrow(/snapshot/);
  });

  it('reads the timeframe given by ctx.tf: features on 1m and 15m differ', () => {
    const head = new StatisticalHead();
    const on1 = new Float64Array(head.featureCount);
    const on15 = new Float64Array(head.featureCount);
    drive(head, waves(1500, 5), 0, (ctx, i) => {
      if (i !== 1499) return;
      expect(head.captureFeatures(ctx, on1)).toBe(true);
      expect(head.captureFeatures({ ...ctx, tf: 2 }, on15)).toBe(true);
    });
    expect(on15[RSI]).not.toBeCloseTo(on1[RSI]!, 3);
  });

  it('on the real BTCUSDT sample, learning walk-forward from resolved 15-minute outcomes, it votes in range, NEUTRAL most of the time, both ways sometimes', () => {
    const s = sampleSeries('BTCUSDT', 20000);
    const H = 15;
    for (const tf of [0, 2]) {
      const head = new StatisticalHead();
      const pending: { f: Float64Array; at: number; price: number }[] = [];
      let long = 0;
      let short = 0;
      let bad = 0;
      const out = newVoteSlot();
      drive(head, s.candles, tf, (ctx, i) => {
        // resolve what is due, then decide: the model only knows outcomes of the past
        while (pending.length > 0 && pending[0]!.at + H <= i) {
          const p = pending.shift()!;
          head.learn(p.f, 1, ctx.candle.close > p.price);
          head.learn(p.f, -1, ctx.candle.close < p.price);
        }
        head.evaluate(ctx, out);
        if (![-1, 0, 1].includes(out.direction) || !(out.confidence >= 0 && out.confidence <= 1) || (out.direction === 0 && out.confidence !== 0)) bad++;
        if (out.direction > 0) long++;
        else if (out.direction < 0) short++;
        if (i % 5 === 0) {
          const f = new Float64Array(head.featureCount);
          if (head.captureFeatures(ctx, f)) pending.push({ f, at: i, price: ctx.candle.close });
        }
      });
      const n = s.candles.length;
      expect(bad).toBe(0);
      expect(head.outcomes).toBeGreaterThan(1000);
      expect((n - long - short) / n).toBeGreaterThan(0.4);
      expect(long).toBeGreaterThan(0);
      expect(short).toBeGreaterThan(0);
    }
  });
});
