/**
 * Each consensus step of the pipeline, reached with scripted heads on hand-built candles: every
 * rejection category is reachable and recorded, signals carry entry/stop/target, decisions are
 * deterministic.
 */
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../src/core/candle.js';
import { resolveEngineParams, type EngineParamsInput } from '../../src/engine/engine-params.js';
import { SymbolEngine } from '../../src/engine/symbol-engine.js';
import { HEAD_IDS, type Head, type HeadContext, type VoteSlot } from '../../src/heads/types.js';
import { candlesFromCloses, drift } from '../helpers/heads.js';

/** A head that votes whatever the test script says. */
class ScriptedHead implements Head {
  readonly specialty = 'scripted';
  readonly params = {};
  constructor(
    readonly id: (typeof HEAD_IDS)[number],
    private readonly script: { dir: number[]; conf: number[] },
    private readonly i: number,
  ) {}
  requires() {
    return [];
  }
  bind(): void {}
  evaluate(_ctx: HeadContext, out: VoteSlot): void {
    out.direction = this.script.dir[this.i] as -1 | 0 | 1;
    out.confidence = this.script.conf[this.i]!;
    out.reasons = out.direction === 0 ? 0 : 1;
  }
  describe(reasons: number): string[] {
    return reasons ? [`scripted vote ${this.i}`] : [];
  }
}

function setup(input: EngineParamsInput = {}) {
  const script = { dir: new Array(9).fill(0), conf: new Array(9).fill(0) };
  const heads = HEAD_IDS.map((id, i) => new ScriptedHead(id, script, i));
  const engine = new SymbolEngine('TESTUSDT', resolveEngineParams(input), heads);
  return { engine, script };
}

function vote(script: { dir: number[]; conf: number[] }, long: number, conf: number) {
  script.dir.fill(0);
  script.conf.fill(0);
  for (let i = 0; i < long; i++) {
    script.dir[i] = 1;
    script.conf[i] = conf;
  }
}

// 3 days of a gently rising, noisy market: enough for ATR and swings on every timeframe up to 4h
const CANDLES: Candle[] = candlesFromCloses(drift(4400, 100, 0.00002, 0.0015, 7), { wick: 0.001, volume: (i) => 10 + (i % 7) });

function warm(engine: SymbolEngine, n = 4300) {
  for (let i = 0; i < n; i++) engine.step(CANDLES[i]!);
}

describe('decision pipeline', () => {
  it('rejects as no_consensus without a direction when no head votes', () => {
    const { engine } = setup();
    warm(engine);
    const d = engine.step(CANDLES[4300]!);
    expect(d).toMatchObject({ action: 'reject', category: 'no_consensus', direction: 0 });
    expect(Number.isNaN(d.entry)).toBe(true);
  });

  it('keeps the would-be trade of a no_consensus candidate (enough heads, too little confidence)', () => {
    const { engine, script } = setup();
    warm(engine);
    vote(script, 5, 0.3);
    const d = engine.step(CANDLES[4300]!);
    expect(d).toMatchObject({ action: 'reject', category: 'no_consensus', direction: 1 });
    expect(d.entry).toBe(CANDLES[4300]!.close);
    expect(d.stop).toBeLessThan(d.entry);
    expect(d.target).toBeGreaterThan(d.entry);
  });

  it('gives a signal with entry at the close, stop and target from ATR multiples of the setup timeframe', () => {
    const { engine, script } = setup({ filters: { minStopPct: 0, minAtrPct: 0 }, risk: { levelCap: 0 } });
    warm(engine);
    vote(script, 6, 0.9);
    const c = CANDLES[4300]!;
    const d = engine.step(c);
    expect(d.category).toBe('signal');
    expect(d.action).toBe('signal');
    expect(d.time).toBe(c.openTime + 60_000);
    expect(d.entry).toBe(c.close);
    const sl = engine.params.risk.stopAtrRanging;
    const tp = engine.params.risk.targetAtrRanging;
    if (d.regime === 2) {
      expect(d.entry - d.stop).toBeCloseTo(sl * d.atr, 9);
      expect(d.target - d.entry).toBeCloseTo(tp * d.atr, 9);
    }
    expect(d.rewardRisk).toBeGreaterThanOrEqual(1.5);
    const record = engine.consensusRecord();
    expect(record.votes).toHaveLength(9);
    expect(record.votes[0]).toMatchObject({ head: 'A', direction: 'LONG', confidence: 0.9, reasons: ['scripted vote 0'] });
    expect(record.consensus.leading).toHaveLength(2);
    expect(record.indicators.close).toBe(c.close);
  });

  it.each([
    ['quality_filter:volatility', { filters: { minAtrPct: 0.05, minStopPct: 0 } }],
    ['quality_filter:stop_distance', { filters: { minStopPct: 0.05, minAtrPct: 0 } }],
    ['quality_filter:reward_risk', { filters: { minRewardRisk: 9, minStopPct: 0, minAtrPct: 0 } }],
  ] as const)('rejects with %s when that filter fails', (category, input) => {
    const { engine, script } = setup(input as EngineParamsInput);
    warm(engine);
    vote(script, 6, 0.9);
    expect(engine.step(CANDLES[4300]!).category).toBe(category);
  });

  it('rejects with quality_filter:volume on a candle without volume', () => {
    const { engine, script } = setup({ filters: { minStopPct: 0, minAtrPct: 0 } });
    warm(engine);
    vote(script, 6, 0.9);
    expect(engine.step({ ...CANDLES[4300]!, volume: 0 }).category).toBe('quality_filter:volume');
  });

  it('rejects with quality_filter:history once the setup kind has lost too often', () => {
    const { engine, script } = setup({ filters: { minStopPct: 0, minAtrPct: 0, minHistory: 5, minVolumeZ: -5 }, risk: { levelCap: 0 } });
    warm(engine);
    vote(script, 6, 0.9);
    const first = engine.step(CANDLES[4300]!);
    expect(first.category).toBe('signal');
    for (let i = 0; i < 5; i++) engine.history.record(first.setupKind, i === 0);
    vote(script, 0, 0);
    for (let i = 4301; i < 4361; i++) engine.step(CANDLES[i]!); // past the cooldown
    vote(script, 6, 0.9);
    const d = engine.step(CANDLES[4361]!);
    expect(d.setupKind).toBe(first.setupKind);
    expect(d.category).toBe('quality_filter:history');
  });

  it('rejects with cooldown right after a signal, and with regime_limit past the daily limit', () => {
    const { engine, script } = setup({ filters: { minStopPct: 0, minAtrPct: 0 }, limits: { maxPerDayRanging: 1, maxPerDayTrendingUp: 1, maxPerDayTrendingDown: 1, maxPerDayVolatile: 1 } });
    warm(engine);
    vote(script, 6, 0.9);
    expect(engine.step(CANDLES[4300]!).category).toBe('signal');
    vote(script, 6, 0.9);
    const next = engine.step(CANDLES[4301]!);
    expect(next.category === 'regime_limit' || next.category === 'cooldown').toBe(true);
    const { engine: e2, script: s2 } = setup({ filters: { minStopPct: 0, minAtrPct: 0 }, limits: { cooldownTrending: 60, cooldownRanging: 60, cooldownVolatile: 60 } });
    warm(e2);
    vote(s2, 6, 0.9);
    expect(e2.step(CANDLES[4300]!).category).toBe('signal');
    expect(e2.step(CANDLES[4301]!).category).toBe('cooldown');
  });

  it('is deterministic: the same candles give the same decisions bit for bit', () => {
    const a = setup();
    const b = setup();
    for (let i = 0; i < 4400; i++) {
      const conf = ((i * 37) % 100) / 100;
      vote(a.script, i % 9, conf);
      vote(b.script, i % 9, conf);
      const da = { ...a.engine.step(CANDLES[i]!) };
      const db = { ...b.engine.step(CANDLES[i]!) };
      expect(db).toEqual(da);
    }
  });

  it('refuses a candle that is not after the previous one', () => {
    const { engine } = setup();
    engine.step(CANDLES[0]!);
    expect(() => engine.step(CANDLES[0]!)).toThrow(/not after/);
  });
});

describe('decision pipeline with extreme volatility', () => {
  it('never proposes a trade whose stop or target would be at or below zero', () => {
    const { engine, script } = setup({ filters: { minStopPct: 0, minAtrPct: 0, maxStopPct: 0.5, maxStopAtr: 20 } });
    // prices that swing by more than their own level make the ATR exceed the price
    const wild = candlesFromCloses(Array.from({ length: 4400 }, (_, i) => (i % 2 === 0 ? 100 : 5)), { wick: 0.5 });
    script.dir.fill(-1);
    script.conf.fill(0.9);
    for (const c of wild) {
      const d = engine.step(c);
      if (d.direction !== 0) {
        expect(d.stop).toBeGreaterThan(0);
        expect(d.target).toBeGreaterThan(0);
      }
    }
  });
});
