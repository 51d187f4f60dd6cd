import { IndicatorsSync } from '@ixjb94/indicators';
import * as m from '../src/indicators/momentum/index.js';
import { sampleSeries } from '../test/helpers/market-data.js';
const s0 = sampleSeries('BTCUSDT');
// make a longer series by repeating
const reps = Math.ceil(500000 / s0.close.length);
const N = s0.close.length * reps;
const c = new Float64Array(N), h = new Float64Array(N), l = new Float64Array(N);
for (let r = 0; r < reps; r++) { c.set(s0.close, r * s0.close.length); h.set(s0.high, r * s0.close.length); l.set(s0.low, r * s0.close.length); }
const ca = Array.from(c), ha = Array.from(h), la = Array.from(l);
const ix = new IndicatorsSync();
function time(f: () => unknown): number { for (let i = 0; i < 5; i++) f(); const ts: number[] = []; for (let i = 0; i < 15; i++) { const t = performance.now(); f(); ts.push(performance.now() - t); } ts.sort((x, y) => x - y); return ts[7]!; }
const cases: [string, () => unknown, () => unknown][] = [
  ['MOM', () => m.mom(c, 10), () => ix.mom(ca, 10)],
  ['ROC', () => m.roc(c, 10), () => ix.roc(ca, 10)],
  ['RSI', () => m.rsi(c, 14), () => ix.rsi(ca, 14)],
  ['CMO', () => m.cmo(c, 14), () => ix.cmo(ca, 14)],
  ['APO', () => m.apo(c, 12, 26, 1), () => ix.apo(ca, 12, 26)],
  ['PPO', () => m.ppo(c, 12, 26, 1), () => ix.ppo(ca, 12, 26)],
  ['MACD', () => m.macd(c, 12, 26, 9), () => ix.macd(ca, 12, 26, 9)],
  ['STOCH', () => m.stoch(h, l, c, 5, 3, 0, 3, 0), () => ix.stoch(ha, la, ca, 5, 3, 3)],
  ['STOCH14', () => m.stoch(h, l, c, 14, 3, 0, 3, 0), () => ix.stoch(ha, la, ca, 14, 3, 3)],
  ['STOCHRSI', () => m.stochrsi(c, 14, 14, 1, 0), () => ix.stochrsi(ca, 14)],
  ['TRIX', () => m.trix(c, 30), () => ix.trix(ca, 30)],
];
const only = process.env.ONLY;
for (const [n, a, b] of cases) {
  if (only && n !== only) continue;
  for (let i = 0; i < 5; i++) { a(); b(); }
  const ta: number[] = [], tb: number[] = [];
  for (let i = 0; i < 21; i++) {
    let t = performance.now(); a(); ta.push(performance.now() - t);
    t = performance.now(); b(); tb.push(performance.now() - t);
  }
  ta.sort((x, y) => x - y); tb.sort((x, y) => x - y);
  console.log(n.padEnd(9), 'ours', ta[10]!.toFixed(2), 'ixjb', tb[10]!.toFixed(2), 'ratio', (ta[10]! / tb[10]!).toFixed(2), 'min-ratio', (ta[0]! / tb[0]!).toFixed(2));
}
