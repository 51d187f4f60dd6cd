/**
 * The price chart: candles and volume (lightweight-charts), signals as entry markers, outcomes as
 * win/loss markers at the exit, and take-profit / stop-loss / entry price lines for open signals and
 * for the selected one. The container carries data-candles-count and data-markers-count.
 */
import {
  CandlestickSeries,
  ColorType,
  CrosshairMode,
  HistogramSeries,
  LineStyle,
  createChart,
  createSeriesMarkers,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { bucketStart, type Bar } from './aggregate.js';
import { outcome, type Signal } from './api.js';
import { h, fill } from './dom.js';
import { fmtPct, fmtPrice, fmtNum } from './format.js';

export const COLORS = {
  up: '#2ebd85',
  down: '#f6465d',
  upVolume: 'rgba(46, 189, 133, 0.28)',
  downVolume: 'rgba(246, 70, 93, 0.28)',
  text: '#8a94a6',
  grid: 'rgba(255, 255, 255, 0.04)',
  border: '#232b3b',
  entry: '#8ab4ff',
};

export const chartTheme = {
  layout: {
    background: { type: ColorType.Solid, color: 'transparent' },
    textColor: COLORS.text,
    fontFamily: "'Inter', system-ui, -apple-system, 'Segoe UI', sans-serif",
    fontSize: 11,
    attributionLogo: false,
  },
  grid: { vertLines: { color: COLORS.grid }, horzLines: { color: COLORS.grid } },
  rightPriceScale: { borderColor: COLORS.border },
  timeScale: { borderColor: COLORS.border, timeVisible: true, secondsVisible: false },
  crosshair: { mode: CrosshairMode.Normal },
};

const sec = (ms: number) => Math.floor(ms / 1000) as UTCTimestamp;

export class PriceChart {
  private readonly chart: IChartApi;
  private readonly candles: ISeriesApi<'Candlestick'>;
  private readonly volume: ISeriesApi<'Histogram'>;
  private readonly markers: ISeriesMarkersPluginApi<Time>;
  private readonly legend: HTMLElement;
  private priceLines: IPriceLine[] = [];
  private bars: Bar[] = [];
  private tfMs = 60_000;
  private title = '';

  constructor(private readonly container: HTMLElement) {
    this.chart = createChart(container, { ...chartTheme, autoSize: true });
    this.candles = this.chart.addSeries(CandlestickSeries, {
      upColor: COLORS.up,
      downColor: COLORS.down,
      borderUpColor: COLORS.up,
      borderDownColor: COLORS.down,
      wickUpColor: COLORS.up,
      wickDownColor: COLORS.down,
      priceLineColor: '#5c6b85',
    });
    this.candles.priceScale().applyOptions({ scaleMargins: { top: 0.12, bottom: 0.22 } });
    this.volume = this.chart.addSeries(HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false });
    this.chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.82, bottom: 0 } });
    this.markers = createSeriesMarkers(this.candles, [], { zOrder: 'top' });
    this.legend = h('div', { class: 'chart-legend' });
    container.append(this.legend);
    this.chart.subscribeCrosshairMove((p) => {
      const t = typeof p.time === 'number' ? p.time * 1000 : null;
      this.renderLegend(t === null ? undefined : this.bars.find((b) => b.time === t));
    });
    this.setCount();
  }

  setBars(bars: Bar[], tfMs: number, title: string): void {
    this.bars = bars;
    this.tfMs = tfMs;
    this.title = title;
    this.candles.setData(bars.map((b) => ({ time: sec(b.time), open: b.open, high: b.high, low: b.low, close: b.close })));
    this.volume.setData(bars.map((b) => ({ time: sec(b.time), value: b.volume, color: b.close >= b.open ? COLORS.upVolume : COLORS.downVolume })));
    this.chart.timeScale().applyOptions({ barSpacing: 7, rightOffset: 6 });
    this.chart.timeScale().scrollToRealTime();
    this.setCount();
    this.renderLegend();
  }

  /** Draws a bar that was appended to or changed at the end of the bars passed to setBars. */
  updateBar(bar: Bar): void {
    this.candles.update({ time: sec(bar.time), open: bar.open, high: bar.high, low: bar.low, close: bar.close });
    this.volume.update({ time: sec(bar.time), value: bar.volume, color: bar.close >= bar.open ? COLORS.upVolume : COLORS.downVolume });
    this.setCount();
    this.renderLegend();
  }

  /** Markers for the symbol's signals and their outcomes; price lines for open ones and the selected one. */
  setSignals(signals: readonly Signal[], selectedId: string | null): void {
    const first = this.bars[0]?.time ?? Infinity;
    const last = this.bars[this.bars.length - 1]?.time ?? -Infinity;
    const inRange = (t: number) => t >= first && t <= last + this.tfMs;
    const markers: SeriesMarker<Time>[] = [];
    for (const s of signals) {
      const long = s.direction === 'LONG';
      const t = bucketStart(s.time - 1, this.tfMs);
      if (inRange(t)) {
        const conf = s.confidence === null ? '' : ` ${Math.round(s.confidence * 100)}%`;
        markers.push({
          time: sec(t),
          position: long ? 'belowBar' : 'aboveBar',
          shape: long ? 'arrowUp' : 'arrowDown',
          color: long ? COLORS.up : COLORS.down,
          text: `${long ? 'L' : 'S'}${conf}`,
          id: `entry:${s.id}`,
          size: s.id === selectedId ? 2 : 1,
        });
      }
      const res = outcome(s);
      if (s.status === 'closed' && s.exitTime !== null && res !== null) {
        const te = bucketStart(s.exitTime - 1, this.tfMs);
        if (inRange(te)) {
          const color = res === 'win' ? COLORS.up : res === 'loss' ? COLORS.down : COLORS.text;
          const marker: SeriesMarker<Time> =
            s.exitPrice !== null
              ? { time: sec(te), position: 'atPriceMiddle', price: s.exitPrice, shape: 'circle', color, text: fmtPct(s.netPct), id: `exit:${s.id}` }
              : { time: sec(te), position: long ? 'aboveBar' : 'belowBar', shape: 'circle', color, text: fmtPct(s.netPct), id: `exit:${s.id}` };
          markers.push(marker);
        }
      }
    }
    markers.sort((a, b) => (a.time as number) - (b.time as number));
    this.markers.setMarkers(markers);
    this.container.dataset.markersCount = String(markers.length);

    for (const line of this.priceLines) this.candles.removePriceLine(line);
    this.priceLines = [];
    const withLines = signals.filter((s) => s.status === 'open' || s.id === selectedId).slice(0, 8);
    for (const s of withLines) {
      const tag = s.id.length > 6 ? s.id.slice(-6) : s.id;
      const dim = s.status !== 'open';
      const add = (price: number | null, color: string, title: string, style: LineStyle) => {
        if (price !== null) this.priceLines.push(this.candles.createPriceLine({ price, color, lineWidth: 1, lineStyle: style, axisLabelVisible: !dim, title }));
      };
      add(s.target, dim ? 'rgba(46, 189, 133, 0.5)' : COLORS.up, `TP ${tag}`, LineStyle.Dashed);
      add(s.stop, dim ? 'rgba(246, 70, 93, 0.5)' : COLORS.down, `SL ${tag}`, LineStyle.Dashed);
      add(s.entry, COLORS.entry, `entry ${tag}`, LineStyle.Dotted);
    }
    this.container.dataset.priceLines = String(this.priceLines.length);
  }

  /** Scrolls so that `time` (ms) is in view. */
  focus(time: number): void {
    const first = this.bars[0]?.time;
    const last = this.bars[this.bars.length - 1]?.time;
    if (first === undefined || last === undefined || time < first || time > last + this.tfMs) return;
    const span = this.tfMs * 60;
    this.chart.timeScale().setVisibleRange({ from: sec(time - span), to: sec(time + span / 2) });
  }

  private setCount(): void {
    this.container.dataset.candlesCount = String(this.bars.length);
  }

  private renderLegend(bar: Bar | undefined = this.bars[this.bars.length - 1]): void {
    if (!bar) {
      fill(this.legend, h('span', { class: 'legend-title' }, this.title), h('span', { class: 'muted' }, ' no candles'));
      return;
    }
    const change = ((bar.close - bar.open) / bar.open) * 100;
    const cls = bar.close >= bar.open ? 'pos' : 'neg';
    fill(
      this.legend,
      h('span', { class: 'legend-title' }, this.title),
      h('span', null, 'O ', h('b', { class: cls }, fmtPrice(bar.open))),
      h('span', null, 'H ', h('b', { class: cls }, fmtPrice(bar.high))),
      h('span', null, 'L ', h('b', { class: cls }, fmtPrice(bar.low))),
      h('span', null, 'C ', h('b', { class: cls }, fmtPrice(bar.close))),
      h('b', { class: cls }, fmtPct(change)),
      h('span', null, 'Vol ', h('b', null, fmtNum(bar.volume, 2))),
    );
  }
}
