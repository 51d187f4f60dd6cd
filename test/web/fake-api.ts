/**
 * A tiny stand-in for the AlphaPulse REST API, for the dashboard test: serves the built dashboard from
 * a folder and answers the API routes with fixture JSON built from real candles (the bundled BTCUSDT
 * sample): signals placed on those candles and resolved against them, performance figures computed
 * from those outcomes, a weights history, jobs and versions. /api/events is a Server-Sent Events
 * stream the test pushes to. The protected routes require `Authorization: Bearer <token>`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Candle } from '../../src/core/candle.js';

export const TOKEN = 'test-token';
const HEADS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
const SPECIALTY = ['trend following', 'mean reversion', 'momentum', 'volume and flow', 'volatility breakout', 'candlestick patterns at swing levels and bands', 'support and resistance levels', 'multi-timeframe confluence', 'statistical learner (online logistic regression)'];
const REASONS = [
  ['EMA(20) above EMA(50) on 15m', 'ADX 27.4 rising'],
  ['RSI(14) 31.2 near oversold', 'close at lower Bollinger band'],
  ['MACD histogram turned positive', 'ROC(10) +0.42%'],
  ['OBV above its 20-bar mean', 'taker buy ratio 0.58'],
  ['ATR expanding 1.3× its mean', 'close broke the 20-bar high'],
  ['bullish engulfing at swing low'],
  ['bounce at support 104 250'],
  ['1h and 15m trends agree'],
  ['p(up) = 0.61 from 14 features'],
];

export type FakeSignal = {
  id: string;
  symbol: string;
  time: number;
  direction: 'LONG' | 'SHORT';
  entry: number;
  stop: number;
  target: number;
  confidence: number;
  regime: string;
  timeframe: string;
  status: 'open' | 'closed';
  result?: 'win' | 'loss';
  netPct?: number;
  exitTime?: number;
  exitPrice?: number;
  record: { votes: { head: string; specialty: string; direction: string; confidence: number; reasons: string[] }[]; weights: number[]; regime: string; timeframe: string };
};

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function votes(direction: 'LONG' | 'SHORT', seed: number): FakeSignal['record']['votes'] {
  return HEADS.map((head, i) => {
    const k = (seed * 7 + i * 3) % 10;
    const dir = k < 6 ? direction : k < 8 ? 'NEUTRAL' : direction === 'LONG' ? 'SHORT' : 'LONG';
    return { head, specialty: SPECIALTY[i]!, direction: dir, confidence: dir === 'NEUTRAL' ? 0 : round(0.45 + ((seed + i) % 5) * 0.1), reasons: dir === 'NEUTRAL' ? [] : REASONS[i]! };
  });
}

/** Signals every ~4 hours on the candles, resolved against the candles that follow (the last ones stay open). */
export function buildSignals(candles: readonly Candle[]): FakeSignal[] {
  const out: FakeSignal[] = [];
  const weights = [1.2, 0.9, 1.1, 0.8, 1.0, 0.7, 1.0, 1.3, 0.95];
  for (let i = 120, n = 0; i < candles.length - 5; i += 233, n++) {
    const c = candles[i]!;
    const past = candles[i - 60]!;
    const direction = c.close >= past.close ? 'LONG' : 'SHORT';
    const risk = c.close * 0.004;
    const sign = direction === 'LONG' ? 1 : -1;
    const s: FakeSignal = {
      id: `sig-${String(n + 1).padStart(4, '0')}`,
      symbol: 'BTCUSDT',
      time: c.openTime + 60_000,
      direction,
      entry: c.close,
      stop: round(c.close - sign * risk),
      target: round(c.close + sign * risk * 2),
      confidence: round(0.55 + (n % 4) * 0.08),
      regime: n % 3 === 0 ? 'trending_up' : n % 3 === 1 ? 'ranging' : 'volatile',
      timeframe: n % 2 === 0 ? '5m' : '15m',
      status: 'open',
      record: { votes: votes(direction, n), weights, regime: '', timeframe: '' },
    };
    s.record.regime = s.regime;
    s.record.timeframe = s.timeframe;
    for (let j = i + 1; j < candles.length; j++) {
      const k = candles[j]!;
      const hitStop = direction === 'LONG' ? k.low <= s.stop : k.high >= s.stop;
      const hitTarget = direction === 'LONG' ? k.high >= s.target : k.low <= s.target;
      if (hitStop || hitTarget) {
        const exit = hitStop ? s.stop : s.target;
        s.status = 'closed';
        s.result = hitStop ? 'loss' : 'win';
        s.exitPrice = exit;
        s.exitTime = k.openTime + 60_000;
        s.netPct = round(((exit - s.entry) / s.entry) * 100 * sign - 0.08, 3);
        break;
      }
    }
    out.push(s);
  }
  return out;
}

export function buildFixtures(candles: readonly Candle[], now = Date.now()) {
  const signals = buildSignals(candles);
  const closed = signals.filter((s) => s.status === 'closed');
  const wins = closed.filter((s) => s.result === 'win');
  const nets = closed.map((s) => s.netPct!);
  const gross = (f: (x: number) => boolean) => nets.filter(f).reduce((a, b) => a + Math.abs(b), 0);
  let peak = 0;
  let equity = 0;
  let maxDd = 0;
  for (const x of nets) {
    equity += x;
    peak = Math.max(peak, equity);
    maxDd = Math.max(maxDd, peak - equity);
  }
  const mean = nets.reduce((a, b) => a + b, 0) / Math.max(nets.length, 1);
  const sd = Math.sqrt(nets.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(nets.length - 1, 1));
  const DAY = 86_400_000;
  const history = [
    { version: 1, days: 29, reason: 'initial', weights: [1, 1, 1, 1, 1, 1, 1, 1, 1] },
    { version: 2, days: 24, reason: 'daily: re-fit from 41 outcomes', weights: [1.1, 0.95, 1.05, 0.9, 1, 0.85, 1, 1.1, 1] },
    { version: 3, days: 17, reason: 'daily: re-fit from 63 outcomes', weights: [1.15, 0.9, 1.1, 0.85, 1.02, 0.8, 1.05, 1.2, 0.97] },
    { version: 4, days: 10, reason: 'weekly: walk-forward search', weights: [1.22, 0.88, 1.12, 0.8, 0.98, 0.72, 1.02, 1.28, 0.95] },
    { version: 5, days: 3, reason: 'daily: re-fit from 97 outcomes', weights: [1.2, 0.9, 1.1, 0.8, 1.0, 0.7, 1.0, 1.3, 0.95] },
  ].map((v) => ({ version: v.version, createdAt: now - v.days * DAY, reason: v.reason, mode: 'global', weights: v.weights }));
  const current = history[history.length - 1]!;
  const weekStart = (k: number) => now - (5 - k) * 7 * DAY;
  const weeks = [0.44, 0.47, 0.46, 0.51, 0.53, 0.56].map((winRate, k) => ({ weekStart: weekStart(k), trades: 30 + k * 4, winRate, avgNetPct: round(0.02 + k * 0.015, 3) }));
  return {
    candles,
    signals,
    performance: {
      overall: {
        trades: closed.length,
        wins: wins.length,
        winRate: closed.length ? wins.length / closed.length : 0,
        avgNetPct: round(mean, 3),
        totalNetPct: round(nets.reduce((a, b) => a + b, 0), 3),
        profitFactor: round(gross((x) => x > 0) / Math.max(gross((x) => x < 0), 1e-9)),
        sharpe: round(sd > 0 ? mean / sd : 0),
        maxDrawdownPct: round(maxDd, 3),
      },
      heads: HEADS.map((head, i) => ({ head, agreed: 20 + i * 3, winRateWhenAgreed: round(0.42 + ((i * 5) % 9) * 0.025, 3), currentWeight: current.weights[i], suggestedWeight: round(current.weights[i]! + ((i % 3) - 1) * 0.05) })),
      regimes: [
        { regime: 'trending_up', trades: 41, winRate: 0.56, avgNetPct: 0.081 },
        { regime: 'trending_down', trades: 27, winRate: 0.52, avgNetPct: 0.044 },
        { regime: 'ranging', trades: 38, winRate: 0.47, avgNetPct: -0.012 },
        { regime: 'volatile', trades: 12, winRate: 0.42, avgNetPct: -0.063 },
      ],
      learning: { version: current.version },
    },
    headWeights: { current: { version: current.version, weights: current.weights }, history },
    improvements: { weeks, trend: 'improving' },
    rejections: {
      byCategory: [
        { category: 'no_consensus', rejections: 2841, resolved: 512, goodRejections: 301, missedOpportunities: 211, accuracy: 0.588 },
        { category: 'quality_filter:volume', rejections: 184, resolved: 96, goodRejections: 61, missedOpportunities: 35, accuracy: 0.635 },
        { category: 'quality_filter:volatility', rejections: 122, resolved: 70, goodRejections: 38, missedOpportunities: 32, accuracy: 0.543 },
        { category: 'quality_filter:reward_risk', rejections: 77, resolved: 41, goodRejections: 19, missedOpportunities: 22, accuracy: 0.463 },
        { category: 'regime_limit', rejections: 35, resolved: 20, goodRejections: 13, missedOpportunities: 7, accuracy: 0.65 },
        { category: 'cooldown', rejections: 58, resolved: 33, goodRejections: 18, missedOpportunities: 15, accuracy: 0.545 },
      ],
      byDay: [],
    },
    scheduler: {
      jobs: [
        { job: 'hourly', next: now + 23 * 60_000, last: { at: now - 37 * 60_000, status: 'ok', summary: 'thresholds checked, 3 outcomes resolved' } },
        { job: 'daily', next: now + 9 * 3_600_000, last: { at: now - 15 * 3_600_000, status: 'ok', summary: 'weights v5 from 97 outcomes' } },
        { job: 'weekly', next: now + 4 * DAY, last: { at: now - 3 * DAY, status: 'failed', summary: 'held-out gate: candidate did not beat the active version' } },
      ],
      history: [],
    },
    versions: { versions: history.map((v) => ({ version: v.version, createdAt: v.createdAt, reason: v.reason, mode: v.mode, headWeights: v.weights })) },
  };
}

export type Fixtures = ReturnType<typeof buildFixtures>;
export type Recorded = { method: string; path: string; authorization: string | undefined; body: string };

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml' };

export async function startFakeApi(staticDir: string, fx: Fixtures) {
  const clients = new Set<ServerResponse>();
  const actions: Recorded[] = [];

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => resolve(text));
    });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const p = url.pathname;
      const q = url.searchParams;
      if (p === '/api/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (req.method === 'POST' && p.startsWith('/api/learning/')) {
        const body = await readBody(req);
        actions.push({ method: 'POST', path: p, authorization: req.headers.authorization, body });
        if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(res, 401, { error: 'Unauthorized', message: 'missing or invalid bearer token' });
        if (p === '/api/learning/trigger-daily') return json(res, 200, { ok: true, job: 'daily', summary: 'weights v6 from 104 outcomes' });
        if (p === '/api/learning/trigger-weekly') return json(res, 200, { ok: true, job: 'weekly', summary: 'no better candidate' });
        if (p === '/api/learning/rollback') {
          const { version } = JSON.parse(body) as { version: number };
          return json(res, 200, { ok: true, message: `active version is now v${version}` });
        }
        return json(res, 404, { error: 'not found' });
      }
      if (p.startsWith('/api/')) {
        switch (p) {
          case '/api/candles': {
            // Like an API that answers 1m candles whatever the interval: the dashboard aggregates.
            const limit = Number(q.get('limit') ?? 1000);
            return json(res, 200, { candles: fx.candles.slice(-limit) });
          }
          case '/api/signals': {
            const status = q.get('status') ?? 'all';
            const limit = Number(q.get('limit') ?? 50);
            const offset = Number(q.get('offset') ?? 0);
            const all = fx.signals.filter((s) => status === 'all' || s.status === status).sort((a, b) => b.time - a.time);
            return json(res, 200, { signals: all.slice(offset, offset + limit), total: all.length });
          }
          case '/api/learning/performance':
            return json(res, 200, fx.performance);
          case '/api/learning/head-weights':
            return json(res, 200, fx.headWeights);
          case '/api/learning/improvements':
            return json(res, 200, fx.improvements);
          case '/api/learning/rejection-analysis':
            return json(res, 200, fx.rejections);
          case '/api/learning/scheduler':
            return json(res, 200, fx.scheduler);
          case '/api/learning/versions':
            return json(res, 200, fx.versions);
          default:
            return json(res, 404, { error: `no route ${p}` });
        }
      }
      // The built dashboard.
      const rel = normalize(decodeURIComponent(p === '/' ? '/index.html' : p)).replace(/^([/\\])+/, '');
      const file = join(staticDir, rel);
      if (!file.startsWith(staticDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    actions,
    clientCount: () => clients.size,
    /** Sends one SSE message to every connected page. */
    push(event: string, data: unknown) {
      for (const c of clients) c.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    async close() {
      for (const c of clients) c.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
