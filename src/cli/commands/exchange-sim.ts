import type { Command } from 'commander';
import { AlphaPulseError } from '../../core/errors.js';
import { intervalMs } from '../../core/intervals.js';
import { ExchangeSim, SimMarketData, parseFaultSpec, type CorruptKind, type SimHole } from '../../exchange/sim/index.js';
import { parseSymbol, parseTime, runCommand } from '../context.js';

type SimFlags = {
  data: string[];
  port: string;
  host: string;
  speed: string;
  start?: string;
  symbols?: string;
  includeOpenCandle?: boolean;
  partialEveryMs?: string;
  weightLimit?: string;
  fail429?: string;
  fail418?: string;
  fail500?: string;
  failReset?: string;
  retryAfter: string;
  corruptKlines?: string;
  corruptKind: string;
  dropEvery?: string;
  silentEvery?: string;
  wsDuplicate?: string;
  wsOutOfOrder?: string;
  wsMalformed?: string;
  hole: string[];
  seed: string;
};

const CORRUPT_KINDS: readonly CorruptKind[] = ['truncated-json', 'short-row', 'bad-number', 'high-below-low', 'misaligned-time', 'not-an-array'];

function int(flag: string, v: string | undefined, min = 0): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `${flag}: "${v}" is not an integer >= ${min}`);
  return n;
}

function rate(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `${flag}: "${v}" is not a probability between 0 and 1`);
  return n;
}

/** "1200" (simulated ms per real ms) or "1m/50ms" (one simulated minute per 50 real ms). */
export function parseSpeed(v: string): number {
  const m = /^(\d+[smhd])\/(\d+(?:\.\d+)?)ms$/.exec(v.trim());
  if (m) {
    const unit = m[1]!;
    const ms = unit.endsWith('s') ? Number(unit.slice(0, -1)) * 1000 : intervalMs(unit);
    return ms / Number(m[2]);
  }
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--speed: "${v}" is not a speed (simulated ms per real ms, e.g. 1200, or 1m/50ms)`);
  return n;
}

/** SYMBOL:FROM/TO or FROM/TO (every symbol); times ISO or epoch ms. */
function parseHole(v: string): SimHole {
  const m = /^(?:([A-Za-z0-9]+):)?([^/]+)\/(.+)$/.exec(v);
  if (!m) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--hole: "${v}" is not SYMBOL:FROM/TO or FROM/TO`);
  const from = parseTime('--hole', m[2]!)!;
  const to = parseTime('--hole', m[3]!)!;
  return m[1] ? { symbol: parseSymbol('--hole', m[1]), from, to } : { from, to };
}

export function registerExchangeSim(program: Command): void {
  program
    .command('exchange-sim')
    .description('serve archive candles over Binance spot REST + WebSocket on 127.0.0.1 with a replay clock and fault injection (point ALPHAPULSE_EXCHANGE_URL at it)')
    .requiredOption('--data <paths...>', 'folders or archive files SYMBOL-INTERVAL-YYYY-MM(-DD).csv|zip')
    .option('--port <port>', 'TCP port (0 = any free port)', '9100')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--speed <speed>', 'simulated ms per real ms (1 = real time, 0 = frozen) or e.g. 1m/50ms', '1')
    .option('--start <time>', 'replay clock start, ISO or epoch ms (default: one day after the first candle)')
    .option('--symbols <list>', 'only load these symbols, comma-separated')
    .option('--include-open-candle', '/klines also returns the in-progress candle, as Binance does')
    .option('--partial-every-ms <ms>', 'simulated ms between in-progress (x:false) WebSocket updates', '2000')
    .option('--weight-limit <n>', 'request weight per minute before 429', '6000')
    .option('--fail-429 <spec>', 'answer 429: rate 0..1, @N,M (those requests) or /K (every K-th); append :path,… to choose paths (default /api/v3/klines)')
    .option('--fail-418 <spec>', 'answer 418 (IP ban), same spec')
    .option('--fail-500 <spec>', 'answer 500, same spec')
    .option('--fail-reset <spec>', 'close the connection without an answer, same spec')
    .option('--retry-after <seconds>', 'Retry-After sent with 429/418', '1')
    .option('--corrupt-klines <spec>', 'answer /klines with a malformed payload, same spec')
    .option('--corrupt-kind <kind>', CORRUPT_KINDS.join('|'), 'truncated-json')
    .option('--drop-every <ms>', 'terminate every WebSocket connection every <ms> real ms')
    .option('--silent-every <ms>', 'every <ms> real ms, open WebSockets stop sending without closing')
    .option('--ws-duplicate <rate>', 'probability that a WebSocket message is sent twice')
    .option('--ws-out-of-order <rate>', 'probability that a WebSocket message is delayed behind the next one')
    .option('--ws-malformed <rate>', 'probability that a WebSocket message is replaced by broken JSON')
    .option('--hole <SYMBOL:FROM/TO>', 'serve no candles in this range (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--seed <n>', 'seed of the fault generator', '1')
    .action(async (opts: SimFlags, cmd: Command) => {
      await runCommand(cmd, async (env) => {
        const retryAfterSec = Number(opts.retryAfter);
        if (!Number.isFinite(retryAfterSec) || retryAfterSec < 0) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--retry-after: "${opts.retryAfter}" is not a number of seconds`);
        if (!CORRUPT_KINDS.includes(opts.corruptKind as CorruptKind)) throw new AlphaPulseError('AP_ERR_BAD_INPUT', `--corrupt-kind: "${opts.corruptKind}" is not one of ${CORRUPT_KINDS.join(', ')}`);
        const symbols = opts.symbols?.split(',').map((s) => parseSymbol('--symbols', s));
        const holes = opts.hole.map(parseHole);
        const data = SimMarketData.fromArchives(opts.data, { ...(symbols ? { symbols } : {}), holes });
        const sim = new ExchangeSim({
          data,
          host: opts.host,
          port: int('--port', opts.port)!,
          speed: parseSpeed(opts.speed),
          ...(opts.start !== undefined ? { startTime: parseTime('--start', opts.start)! } : {}),
          includeOpenCandle: opts.includeOpenCandle === true,
          partialEveryMs: int('--partial-every-ms', opts.partialEveryMs, 1)!,
          weightLimit: int('--weight-limit', opts.weightLimit, 1)!,
          seed: int('--seed', opts.seed)!,
          logger: env.logger,
          rest: {
            ...(opts.fail429 ? { http429: { ...parseFaultSpec('--fail-429', opts.fail429), retryAfterSec } } : {}),
            ...(opts.fail418 ? { http418: { ...parseFaultSpec('--fail-418', opts.fail418), retryAfterSec } } : {}),
            ...(opts.fail500 ? { http500: parseFaultSpec('--fail-500', opts.fail500) } : {}),
            ...(opts.failReset ? { reset: parseFaultSpec('--fail-reset', opts.failReset) } : {}),
            ...(opts.corruptKlines ? { corrupt: { ...parseFaultSpec('--corrupt-klines', opts.corruptKlines), kind: opts.corruptKind as CorruptKind } } : {}),
          },
          ws: {
            ...(opts.dropEvery ? { dropEveryMs: int('--drop-every', opts.dropEvery, 1)! } : {}),
            ...(opts.silentEvery ? { silentEveryMs: int('--silent-every', opts.silentEvery, 1)! } : {}),
            ...(opts.wsDuplicate ? { duplicateRate: rate('--ws-duplicate', opts.wsDuplicate)! } : {}),
            ...(opts.wsOutOfOrder ? { outOfOrderRate: rate('--ws-out-of-order', opts.wsOutOfOrder)! } : {}),
            ...(opts.wsMalformed ? { malformedRate: rate('--ws-malformed', opts.wsMalformed)! } : {}),
          },
        });
        let started: { url: string; wsUrl: string; port: number };
        try {
          started = await sim.start();
        } catch (e) {
          throw new AlphaPulseError('AP_ERR_BAD_INPUT', `exchange-sim cannot listen on ${opts.host}:${opts.port}: ${(e as Error).message}`, undefined, { cause: e });
        }
        const { url, wsUrl, port } = started;
        const span = data.span();
        env.print(
          { url, wsUrl, port, symbols: data.symbols(), start: new Date(sim.startTime).toISOString(), speed: parseSpeed(opts.speed), data: span ? { first: new Date(span.first).toISOString(), last: new Date(span.last).toISOString() } : null },
          () =>
            [
              `exchange-sim listening on ${url} (WebSocket ${wsUrl}) — ${data.symbols().join(', ')}`,
              `replay clock from ${new Date(sim.startTime).toISOString()} at speed ${parseSpeed(opts.speed)}x`,
              `use it with: ALPHAPULSE_EXCHANGE_URL=${url} alphapulse backfill --symbol ${data.symbols()[0] ?? 'BTCUSDT'} --from <ISO>`,
              'Ctrl-C stops.',
            ].join('\n'),
        );
        await new Promise<void>((resolve) => {
          const done = () => {
            process.off('SIGINT', done);
            process.off('SIGTERM', done);
            resolve();
          };
          process.on('SIGINT', done);
          process.on('SIGTERM', done);
        });
        await sim.stop();
        env.logger.info({ stats: sim.stats }, 'exchange-sim stopped');
      });
    });
}
