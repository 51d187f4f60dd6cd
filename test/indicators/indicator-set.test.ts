import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlphaPulseError } from '../../src/core/errors.js';
import { IndicatorSet } from '../../src/indicators/indicator-set.js';
import { ALL_INDICATORS, findIndicator } from '../../src/indicators/registry.js';
import { indicatorDocs, readmeWithIndicators } from '../../scripts/indicator-docs.js';
import { REPO_ROOT, sampleSeries } from '../helpers/market-data.js';
import { specInputs } from '../helpers/talib-oracle.js';

const series = sampleSeries('ETHUSDT', 2000);

describe('IndicatorSet', () => {
  it('holds every output of every indicator in one flat array equal to the batch functions', () => {
    const set = new IndicatorSet(ALL_INDICATORS.map((s) => ({ name: s.name })));
    expect(set.values.length).toBe(ALL_INDICATORS.reduce((n, s) => n + s.outputs.length, 0));
    const batches = ALL_INDICATORS.map((s) => s.batch(specInputs(s, series), s.defaults));
    for (let i = 0; i < series.candles.length; i++) {
      set.update(series.candles[i]!);
      if (i % 97 !== 0 && i !== series.candles.length - 1) continue;
      ALL_INDICATORS.forEach((s, k) => {
        s.outputs.forEach((o, j) => {
          const got = set.values[set.index(s.name, o)]!;
          const want = batches[k]![j]![i]!;
          if (!(Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want)))) throw new Error(`${s.name}.${o} at ${i}: set ${got} != batch ${want}`);
        });
      });
    }
    expect(set.isReady).toBe(true);
  });

  it('names configured variants by their parameters and rejects unknown names and parameters', () => {
    const set = new IndicatorSet([{ name: 'RSI' }, { name: 'rsi', params: { period: 7 } }, { name: 'MACD' }]);
    expect(set.slots.map((s) => s.key)).toEqual(['RSI', 'RSI(7)', 'MACD']);
    expect(set.index('MACD', 'hist')).toBe(set.index('MACD') + 2);
    expect(() => set.index('MACD', 'nope')).toThrow(/no output "nope"/);
    expect(() => new IndicatorSet([{ name: 'NOPE' }])).toThrow(AlphaPulseError);
    expect(() => new IndicatorSet([{ name: 'RSI', params: { length: 3 } }])).toThrow(/no parameter "length"/);
    expect(() => new IndicatorSet([{ name: 'RSI' }, { name: 'RSI' }])).toThrow(/twice/);
  });

  it('restores a JSON snapshot and continues exactly like an uninterrupted set', () => {
    const configs = ALL_INDICATORS.map((s) => ({ name: s.name }));
    const a = new IndicatorSet(configs);
    const b = new IndicatorSet(configs);
    for (let i = 0; i < 1000; i++) a.update(series.candles[i]!);
    b.restore(JSON.parse(JSON.stringify(a.snapshot())));
    for (let i = 1000; i < series.candles.length; i++) {
      a.update(series.candles[i]!);
      b.update(series.candles[i]!);
    }
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
  });

  it('refuses a snapshot of a different configuration', () => {
    const a = new IndicatorSet([{ name: 'RSI' }]);
    const b = new IndicatorSet([{ name: 'EMA' }]);
    expect(() => b.restore(a.snapshot())).toThrow(/does not match/);
  });
});

describe('the indicator catalogue', () => {
  it('has at least 70 indicators, 20 candlestick patterns, and every TA-Lib one the issue lists', () => {
    expect(ALL_INDICATORS.length).toBeGreaterThanOrEqual(70);
    expect(ALL_INDICATORS.filter((s) => s.group === 'pattern').length).toBeGreaterThanOrEqual(20);
    const required = 'SMA EMA WMA DEMA TEMA TRIMA KAMA T3 MIDPOINT MIDPRICE SAR BBANDS HT_TRENDLINE ADX ADXR APO AROON AROONOSC BOP CCI CMO DX MACD MFI MINUS_DI MINUS_DM MOM PLUS_DI PLUS_DM PPO ROC ROCP ROCR RSI STOCH STOCHF STOCHRSI TRIX ULTOSC WILLR ATR NATR TRANGE AD ADOSC OBV STDDEV VAR LINEARREG LINEARREG_SLOPE LINEARREG_ANGLE LINEARREG_INTERCEPT TSF CORREL BETA AVGPRICE MEDPRICE TYPPRICE WCLPRICE'.split(' ');
    const missing = required.filter((n) => findIndicator(n)?.talib === undefined);
    expect(missing).toEqual([]);
  });

  it('docs/INDICATORS.md is current (regenerate with npm run docs)', () => {
    expect(readFileSync(join(REPO_ROOT, 'docs/INDICATORS.md'), 'utf8')).toBe(indicatorDocs());
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(readmeWithIndicators(readme));
  });
});

describe('IndicatorSet on several timeframes', () => {
  it('updates a higher-timeframe indicator only with closed bars, equal to the batch function over those bars', () => {
    const btc = sampleSeries('BTCUSDT', 6000);
    const set = new IndicatorSet([{ name: 'RSI' }, { name: 'RSI', timeframe: '1h' }, { name: 'ATR', timeframe: '15m' }]);
    expect(set.slots.map((s) => s.key)).toEqual(['RSI', 'RSI@1h', 'ATR@15m']);
    const hourly: number[] = [];
    const rsiHourly: number[] = [];
    for (let i = 0; i < btc.candles.length; i++) {
      set.update(btc.candles[i]!);
      const c = btc.candles[i]!;
      if ((c.openTime + 60_000) % 3_600_000 === 0) {
        // this candle closed an hour: the hourly close is its close
        hourly.push(c.close);
        rsiHourly.push(set.values[set.index('RSI@1h')]!);
      } else if (hourly.length > 0) {
        // inside an hour, the 1h value is the one from the last closed hour
        expect(Object.is(set.values[set.index('RSI@1h')], rsiHourly[rsiHourly.length - 1])).toBe(true);
      }
    }
    const rsi = findIndicator('RSI')!;
    const want = rsi.batch([Float64Array.from(hourly)], rsi.defaults)[0]!;
    expect(rsiHourly.map((v) => (Number.isNaN(v) ? null : v))).toEqual(Array.from(want, (v) => (Number.isNaN(v) ? null : v)));
  });

  it('snapshots the bar under construction too', () => {
    const btc = sampleSeries('BTCUSDT', 3000);
    const cfg = [{ name: 'EMA', timeframe: '5m' }, { name: 'SMA', timeframe: '1h' }];
    const a = new IndicatorSet(cfg);
    const b = new IndicatorSet(cfg);
    for (let i = 0; i < 1237; i++) a.update(btc.candles[i]!);
    b.restore(JSON.parse(JSON.stringify(a.snapshot())));
    for (let i = 1237; i < btc.candles.length; i++) {
      a.update(btc.candles[i]!);
      b.update(btc.candles[i]!);
    }
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
  });
});
