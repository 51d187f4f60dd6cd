/**
 * Live updates from /api/events (Server-Sent Events). EventSource reconnects by itself after a dropped
 * connection; when the browser gives up (an HTTP error), we retry with backoff. The state is reported
 * for the connection indicator.
 */
import { API_BASE, adaptEvent, type LiveEvent } from './api.js';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline';
const EVENT_TYPES = ['candle', 'signal', 'outcome', 'weights', 'job'] as const;

export function connectLive(onEvent: (e: LiveEvent) => void, onState: (s: LiveState, detail: string) => void): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delay = 2_000;
  let stopped = false;

  const open = () => {
    onState(source ? 'reconnecting' : 'connecting', 'connecting to /api/events');
    const es = new EventSource(`${API_BASE}/events`);
    source = es;
    es.onopen = () => {
      delay = 2_000;
      onState('live', 'connected');
    };
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        if (stopped) return;
        onState('offline', `disconnected; retrying in ${Math.round(delay / 1000)} s`);
        retry = setTimeout(open, delay);
        delay = Math.min(delay * 2, 60_000);
      } else {
        onState('reconnecting', 'connection lost; reconnecting');
      }
    };
    for (const type of EVENT_TYPES) {
      es.addEventListener(type, (m: MessageEvent<string>) => {
        const e = adaptEvent(type, m.data);
        if (e) onEvent(e);
      });
    }
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}
