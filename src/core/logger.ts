import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * pino to stderr (stdout belongs to --json output): pretty on a TTY, JSON lines otherwise.
 * Exchange keys are redacted wherever they appear in a logged object.
 */
export function createLogger(level: string, opts: { pretty?: boolean } = {}): Logger {
  const pretty = opts.pretty ?? process.stderr.isTTY === true;
  const redact = { paths: ['apiKey', 'secret', '*.apiKey', '*.secret', 'headers["X-MBX-APIKEY"]', '*.headers["X-MBX-APIKEY"]'], censor: '[redacted]' };
  if (pretty) {
    return pino({ level, redact, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss' } } });
  }
  return pino({ level, redact }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });
