/**
 * The browser script of the HTML report, as text (ES2017, no modules). It reads the inlined report JSON
 * (`<script type="application/json" id="report-data">`) and the chart configuration (`id="report-config"`)
 * and draws the charts with the inlined lightweight-charts standalone build (`window.LightweightCharts`).
 *
 * Time axis: lightweight-charts takes UTCTimestamp in whole SECONDS and requires strictly increasing
 * times within a series. The report's times are epoch ms, so every series is built as follows:
 *   1. time in seconds = floor(ms / 1000); points with a non-finite time or value are dropped;
 *   2. points are sorted by that second (a stable sort: the report's own order breaks ties);
 *   3. points that share a second are MERGED: the last one is kept. For the equity curve that is the
 *      compounded equity after every trade closed in that second; for the head weights it is the latest
 *      weight version of that second. Nothing is shifted in time, so no value is drawn at a false time.
 * Equity lines start at 0% at the report's `from` (when that is before their first trade); equity and
 * weights are held at their last value until the report's `to`. Both charts draw step lines (equity changes only when a trade closes, weights only at a
 * new version), and an invisible series of whitespace points on a regular time grid makes the x axis
 * follow time (lightweight-charts otherwise spaces points evenly by index). The legends show, for the
 * time under the crosshair, each series' last value at or before it.
 *
 * When done it sets `document.documentElement.dataset.charts` to 'ready' (or 'error') and exposes
 * `window.__alphapulseCharts` (per chart: its id and per series its name and point count) for tests.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var root = document.documentElement;
  var summary = [];
  window.__alphapulseCharts = summary;
  try {
    var LWC = window.LightweightCharts;
    if (!LWC) throw new Error('lightweight-charts did not load');
    var report = JSON.parse(document.getElementById('report-data').textContent);
    var cfg = JSON.parse(document.getElementById('report-config').textContent);
    var theme = cfg.theme;

    function sec(ms) { return Math.floor(ms / 1000); }
    function isNum(x) { return typeof x === 'number' && isFinite(x); }
    function pad(n) { return (n < 10 ? '0' : '') + n; }
    function fmtTime(s) {
      var d = new Date(s * 1000);
      return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ' UTC';
    }
    function fmtPct(v) { return (v > 0 ? '+' : '') + v.toFixed(2) + '%'; }
    function fmtW(v) { return v.toFixed(3); }

    /** items: [{ t: ms, ... }] -> sorted by second, same-second items merged (last kept), with .time in s. */
    function bySecond(items) {
      var keyed = [];
      for (var i = 0; i < items.length; i++) {
        if (isNum(items[i].t)) keyed.push({ s: sec(items[i].t), i: i, item: items[i] });
      }
      keyed.sort(function (a, b) { return a.s - b.s || a.i - b.i; });
      var out = [];
      for (var k = 0; k < keyed.length; k++) {
        var last = out[out.length - 1];
        if (last && last.time === keyed[k].s) last.item = keyed[k].item;
        else out.push({ time: keyed[k].s, item: keyed[k].item });
      }
      return out;
    }

    function makeChart(el, formatter) {
      return LWC.createChart(el, {
        autoSize: true,
        layout: {
          background: { type: LWC.ColorType.Solid, color: theme.panel },
          textColor: theme.muted,
          fontFamily: theme.font,
          fontSize: 12,
          attributionLogo: true
        },
        grid: { vertLines: { color: theme.grid }, horzLines: { color: theme.grid } },
        rightPriceScale: { borderColor: theme.border, scaleMargins: { top: 0.08, bottom: 0.08 } },
        timeScale: { borderColor: theme.border, timeVisible: true, secondsVisible: false, rightOffset: 3 },
        crosshair: { mode: LWC.CrosshairMode.Normal },
        localization: { priceFormatter: formatter, dateFormat: 'yyyy-MM-dd' }
      });
    }

    /** The value of a series at time t (seconds): its last point at or before t, or null. */
    function valueAt(data, t) {
      var lo = 0, hi = data.length - 1, found = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (data[mid].time <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
      }
      return found < 0 ? null : data[found].value;
    }

    /**
     * lightweight-charts spaces data points evenly by index, not by time. An invisible series of
     * whitespace points on a regular grid (at most ~1500 points over the period) gives the time scale
     * evenly spaced slots, so that distances on the x axis follow time.
     */
    function addTimeGrid(chart) {
      var span = toS - fromS;
      if (!(span > 0)) return;
      var steps = [60, 300, 900, 3600, 14400, 86400, 604800];
      var step = steps[steps.length - 1];
      for (var i = 0; i < steps.length; i++) { if (span / steps[i] <= 1500) { step = steps[i]; break; } }
      var grid = [];
      for (var t = Math.ceil(fromS / step) * step; t <= toS; t += step) grid.push({ time: t });
      if (grid.length < 2) return;
      var s = chart.addSeries(LWC.LineSeries, { lastValueVisible: false, priceLineVisible: false, crosshairMarkerVisible: false, title: '' });
      s.setData(grid);
      // room on the right for the last time label (rightOffset counts grid slots)
      chart.timeScale().applyOptions({ rightOffset: Math.max(3, Math.round(grid.length * 0.02)) });
    }

    /** Legend: one entry per series, values follow the crosshair (last values when it is away). */
    function legend(el, chart, entries, extra) {
      el.textContent = '';
      var timeEl = document.createElement('span');
      timeEl.className = 'lg-time';
      var spans = [];
      entries.forEach(function (e) {
        var item = document.createElement('span');
        item.className = 'lg-item';
        var sw = document.createElement('i');
        sw.className = 'sw';
        sw.style.background = e.color;
        var name = document.createElement('span');
        name.className = 'lg-name';
        name.textContent = e.name;
        var val = document.createElement('span');
        val.className = 'lg-val';
        item.appendChild(sw);
        item.appendChild(name);
        item.appendChild(val);
        el.appendChild(item);
        spans.push(val);
      });
      el.appendChild(timeEl);
      function showLast() {
        entries.forEach(function (e, i) {
          var d = e.data[e.data.length - 1];
          spans[i].textContent = d ? e.format(d.value) : '—';
        });
        timeEl.textContent = extra && extra.lastLabel ? extra.lastLabel : 'last';
      }
      showLast();
      chart.subscribeCrosshairMove(function (param) {
        if (!param || typeof param.time !== 'number') { showLast(); return; }
        entries.forEach(function (e, i) {
          var v = valueAt(e.data, param.time);
          spans[i].textContent = v !== null && isNum(v) ? e.format(v) : '—';
        });
        timeEl.textContent = fmtTime(param.time) + (extra && extra.label ? extra.label(param.time) : '');
      });
    }

    var fromS = sec(report.from);
    var toS = sec(report.to);
    var modes = report.modes || [];

    // Equity: one line per mode, compounded net % after each trade.
    var eqEl = document.getElementById('equity-chart');
    if (eqEl && modes.length > 0) {
      var eqChart = makeChart(eqEl, fmtPct);
      addTimeGrid(eqChart);
      var eqEntries = [];
      var eqSummary = { id: 'equity-chart', series: [] };
      modes.forEach(function (m, mi) {
        var pts = bySecond((m.equity || []).filter(function (p) { return isNum(p.equityPct); }).map(function (p) { return { t: p.time, v: p.equityPct }; }));
        var data = pts.map(function (p) { return { time: p.time, value: p.item.v }; });
        if (data.length === 0) data = fromS < toS ? [{ time: fromS, value: 0 }, { time: toS, value: 0 }] : [{ time: fromS, value: 0 }];
        else {
          if (fromS < data[0].time) data.unshift({ time: fromS, value: 0 });
          if (toS > data[data.length - 1].time) data.push({ time: toS, value: data[data.length - 1].value });
        }
        var color = cfg.modeColors[m.mode] || cfg.palette[mi % cfg.palette.length];
        var s = eqChart.addSeries(LWC.LineSeries, {
          color: color,
          lineWidth: 2,
          lineType: LWC.LineType.WithSteps,
          title: m.mode,
          priceFormat: { type: 'custom', formatter: fmtPct, minMove: 0.01 },
          pointMarkersVisible: data.length <= 2,
          lastValueVisible: true,
          priceLineVisible: false
        });
        s.setData(data);
        if (mi === 0) s.createPriceLine({ price: 0, color: theme.zero, lineWidth: 1, lineStyle: LWC.LineStyle.Dashed, axisLabelVisible: false, title: '' });
        eqEntries.push({ name: m.mode, color: color, series: s, data: data, format: fmtPct });
        eqSummary.series.push({ name: m.mode, points: data.length });
      });
      legend(document.getElementById('equity-legend'), eqChart, eqEntries, { lastLabel: 'at end of period' });
      eqChart.timeScale().fitContent();
      summary.push(eqSummary);
    }

    // Head weights: one chart per mode, one step line per head.
    modes.forEach(function (m, mi) {
      var el = document.getElementById('weights-chart-' + mi);
      if (!el) return;
      var pts = bySecond((m.weights || []).filter(function (p) { return p && p.weights && p.weights.length; }).map(function (p) { return { t: p.time, version: p.version, w: p.weights }; }));
      if (pts.length === 0) return;
      var n = 0;
      pts.forEach(function (p) { n = Math.max(n, p.item.w.length); });
      var chart = makeChart(el, fmtW);
      addTimeGrid(chart);
      var entries = [];
      var ws = { id: 'weights-chart-' + mi, series: [] };
      for (var h = 0; h < n; h++) {
        var data = [];
        pts.forEach(function (p) { var v = p.item.w[h]; if (isNum(v)) data.push({ time: p.time, value: v }); });
        if (data.length === 0) continue;
        if (toS > data[data.length - 1].time) data.push({ time: toS, value: data[data.length - 1].value });
        var color = cfg.headColors[h % cfg.headColors.length];
        var name = cfg.headNames[h] || ('#' + (h + 1));
        var s = chart.addSeries(LWC.LineSeries, {
          color: color,
          lineWidth: 2,
          lineType: LWC.LineType.WithSteps,
          title: name.charAt(0),
          priceFormat: { type: 'custom', formatter: fmtW, minMove: 0.001 },
          pointMarkersVisible: data.length <= 2,
          lastValueVisible: false,
          priceLineVisible: false
        });
        s.setData(data);
        entries.push({ name: name, color: color, series: s, data: data, format: fmtW });
        ws.series.push({ name: name, points: data.length });
      }
      var lastVersion = pts[pts.length - 1].item.version;
      legend(document.getElementById('weights-legend-' + mi), chart, entries, {
        lastLabel: 'last: v' + lastVersion,
        label: function (t) {
          var best = null;
          for (var k = 0; k < pts.length && pts[k].time <= t; k++) best = pts[k].item.version;
          return best === null ? '' : ' · v' + best;
        }
      });
      chart.timeScale().fitContent();
      summary.push(ws);
    });
    root.dataset.charts = 'ready';
  } catch (err) {
    root.dataset.charts = 'error';
    var box = document.getElementById('chart-error');
    if (box) { box.hidden = false; box.textContent = 'Charts could not be drawn: ' + (err && err.message ? err.message : String(err)); }
    throw err;
  }
})();
`;
