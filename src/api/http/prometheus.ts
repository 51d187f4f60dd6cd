/**
 * Prometheus text exposition format (version 0.0.4): metric families with HELP and TYPE, samples with
 * escaped label values, and the HTTP request counters and latency histogram of the API itself.
 */

export type Labels = Readonly<Record<string, string>>;
export type Sample = { readonly labels?: Labels; readonly value: number; readonly suffix?: string };
export type Family = { readonly name: string; readonly type: 'counter' | 'gauge' | 'histogram'; readonly help: string; readonly samples: readonly Sample[] };

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function labelText(labels: Labels | undefined): string {
  const keys = labels ? Object.keys(labels) : [];
  return keys.length === 0 ? '' : `{${keys.map((k) => `${k}="${escapeLabel(labels![k]!)}"`).join(',')}}`;
}

export function renderFamilies(families: readonly Family[]): string {
  const out: string[] = [];
  for (const f of families) {
    out.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) out.push(`${f.name}${s.suffix ?? ''}${labelText(s.labels)} ${formatValue(s.value)}`);
  }
  return `${out.join('\n')}\n`;
}

/** Seconds; a request slower than the last bound lands in +Inf only. */
export const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Requests by method, route template and status, and latency per route (bounded cardinality). */
export class HttpMetrics {
  private readonly requests = new Map<string, { method: string; route: string; status: string; n: number }>();
  private readonly latency = new Map<string, { buckets: number[]; sum: number; count: number }>();

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    const r = this.requests.get(key);
    if (r) r.n++;
    else this.requests.set(key, { method, route, status: String(status), n: 1 });
    let l = this.latency.get(route);
    if (!l) this.latency.set(route, (l = { buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= LATENCY_BUCKETS[i]!) l.buckets[i]!++;
    l.sum += seconds;
    l.count++;
  }

  families(): Family[] {
    const latency: Sample[] = [];
    for (const [route, l] of [...this.latency.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      LATENCY_BUCKETS.forEach((b, i) => latency.push({ suffix: '_bucket', labels: { route, le: String(b) }, value: l.buckets[i]! }));
      latency.push({ suffix: '_bucket', labels: { route, le: '+Inf' }, value: l.count });
      latency.push({ suffix: '_sum', labels: { route }, value: l.sum });
      latency.push({ suffix: '_count', labels: { route }, value: l.count });
    }
    return [
      {
        name: 'alphapulse_http_requests_total',
        type: 'counter',
        help: 'HTTP requests answered, by method, route template and status',
        samples: [...this.requests.values()].sort((a, b) => a.route.localeCompare(b.route) || a.method.localeCompare(b.method) || a.status.localeCompare(b.status)).map((r) => ({ labels: { method: r.method, route: r.route, status: r.status }, value: r.n })),
      },
      { name: 'alphapulse_http_request_duration_seconds', type: 'histogram', help: 'HTTP request latency by route template', samples: latency },
    ];
  }
}
