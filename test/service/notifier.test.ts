import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import type { EngineEvent } from '../../src/engine/engine.js';
import { Notifier } from '../../src/service/notifier.js';

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = '';
    req.on('data', (d: Buffer) => (s += d.toString()));
    req.on('end', () => resolve(s));
  });
}

const outcome: EngineEvent = {
  kind: 'outcome',
  shadow: false,
  category: 'signal',
  regime: 0,
  paper: { notional: 1000, pnl: 17.5, equityAfter: 10_017.5 },
  outcome: { id: 'BTCUSDT-1', symbol: 'BTCUSDT', direction: 1, result: 'tp', entry: 100, exitTime: 2, exitPrice: 102, grossPct: 2, netPct: 1.75, holdingMs: 60_000, maePct: 0.1, mfePct: 2, won: true },
};
const shadow: EngineEvent = { ...outcome, shadow: true } as EngineEvent;

describe('notifications', () => {
  it('posts JSON to the webhook and a message to the Telegram API, skipping shadows and kinds not configured', async () => {
    const got: { path: string; body: unknown }[] = [];
    const server = createServer(async (req, res) => {
      got.push({ path: req.url!, body: JSON.parse(await body(req)) });
      res.end('{"ok":true}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const n = new Notifier({ webhookUrl: `${base}/hook`, telegram: { chatId: '42', apiUrl: base }, events: ['outcome', 'job'] }, 'SECRET', silentLogger);
    n.handle([outcome, shadow, { kind: 'weights_updated', key: 'k', time: 1, signalId: 'x', shadow: false, regime: null, rule: 'seed', versionBefore: 1, versionAfter: 2, before: [], after: [] }]);
    await n.idle();
    server.close();
    expect(got.map((g) => g.path)).toEqual(['/hook', '/botSECRET/sendMessage']);
    expect(got[0]!.body).toMatchObject({ kind: 'outcome', data: { symbol: 'BTCUSDT', netPct: 1.75 } });
    expect(got[1]!.body).toEqual({ chat_id: '42', text: expect.stringContaining('BTCUSDT LONG TP +1.75% net') });
    expect(n.stats).toEqual({ sent: 2, failed: 0, dropped: 0 });
  });

  it('never throws when the receiver fails or is unreachable, and counts the failures', async () => {
    const server = createServer((_req, res) => {
      res.statusCode = 500;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    const failing = new Notifier({ webhookUrl: `http://127.0.0.1:${port}/`, events: ['outcome'] }, undefined, silentLogger);
    failing.handle([outcome]);
    await failing.idle();
    server.close();
    const unreachable = new Notifier({ webhookUrl: 'http://127.0.0.1:9/', events: ['outcome'] }, undefined, silentLogger, 10, 500);
    unreachable.handle([outcome, outcome]);
    await unreachable.idle();
    expect(failing.stats.failed).toBe(1);
    expect(unreachable.stats.failed).toBe(2);
  });
});
