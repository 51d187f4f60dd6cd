/** What every route module gets from the app. */
import type { onRequestHookHandler } from 'fastify';
import type { Store } from '../../store/database.js';
import type { HttpMetrics } from '../http/prometheus.js';
import type { ServiceControls } from '../ports.js';

export type RouteContext = {
  readonly store: Store;
  readonly controls: ServiceControls;
  readonly now: () => number;
  /** onRequest hook of every POST route: 401 without the right bearer token */
  readonly requireToken: onRequestHookHandler;
  readonly http: HttpMetrics;
};

/** Query strings after validation (defaults applied, types coerced). */
export type Query<T> = { Querystring: T };
