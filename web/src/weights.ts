/** Head weights over time: one line per head (A..I) with a legend that shows the current weight and toggles the line. */
import { LineSeries, LineType, createChart, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import { HEADS, HEAD_SPECIALTY, type HeadWeights } from './api.js';
import { chartTheme } from './chart.js';
import { fill, h } from './dom.js';
import { fmtNum } from './format.js';

export const HEAD_COLORS = ['#5b8def', '#f59e0b', '#10b981', '#a78bfa', '#ef4444', '#22d3ee', '#f472b6', '#a3e635', '#cbd5e1'];

export class WeightsChart {
  private readonly chart: IChartApi;
  private readonly series: ISeriesApi<'Line'>[];
  private readonly hidden = new Set<number>();

  constructor(
    private readonly container: HTMLElement,
    private readonly legend: HTMLElement,
  ) {
    this.chart = createChart(container, {
      ...chartTheme,
      autoSize: true,
      timeScale: { ...chartTheme.timeScale, timeVisible: true },
      rightPriceScale: { borderColor: chartTheme.rightPriceScale.borderColor, scaleMargins: { top: 0.1, bottom: 0.08 } },
      handleScroll: false,
      handleScale: false,
    });
    this.series = HEADS.map((head, i) =>
      this.chart.addSeries(LineSeries, {
        color: HEAD_COLORS[i],
        lineWidth: 2,
        lineType: LineType.WithSteps,
        pointMarkersVisible: true,
        pointMarkersRadius: 2.5,
        priceLineVisible: false,
        lastValueVisible: false,
        title: head,
        priceFormat: { type: 'price', precision: 2, minMove: 0.01 },
      }),
    );
  }

  set(data: HeadWeights): void {
    // One point per distinct second (the latest wins), then the current weights at the end of the window
    // (now; the newest version when the window was moved back to it), so the steps reach it.
    const points = new Map<number, number[]>();
    for (const p of data.history) points.set(Math.floor(p.time / 1000), p.weights);
    if (data.current) {
      const lastTime = Math.max(...points.keys(), 0);
      const endMs = data.anchored && data.window ? data.window.to : Date.now();
      const endSec = Math.max(Math.floor(endMs / 1000), lastTime + 1);
      points.set(endSec, data.current.weights);
    }
    const times = [...points.keys()].sort((a, b) => a - b);
    let drawn = 0;
    this.series.forEach((s, i) => {
      const line = times.map((t) => ({ time: t as UTCTimestamp, value: points.get(t)![i]! })).filter((p) => Number.isFinite(p.value));
      s.setData(line);
      if (line.length > 0) drawn++;
    });
    this.chart.timeScale().fitContent();
    this.container.dataset.points = String(times.length);
    this.container.dataset.series = String(drawn);

    const current = data.current?.weights ?? (times.length ? points.get(times[times.length - 1]!)! : []);
    fill(
      this.legend,
      HEADS.map((head, i) =>
        h(
          'button',
          {
            class: `legend-chip${this.hidden.has(i) ? ' off' : ''}`,
            title: `${head}: ${HEAD_SPECIALTY[head]} — click to show or hide`,
            onclick: (e: Event) => this.toggle(i, e.currentTarget as HTMLElement),
          },
          h('i', { style: `background:${HEAD_COLORS[i]}` }),
          h('span', null, head),
          h('b', null, fmtNum(current[i], 2)),
        ),
      ),
    );
  }

  private toggle(i: number, chip: HTMLElement): void {
    if (this.hidden.has(i)) this.hidden.delete(i);
    else this.hidden.add(i);
    this.series[i]!.applyOptions({ visible: !this.hidden.has(i) });
    chip.classList.toggle('off', this.hidden.has(i));
  }
}
