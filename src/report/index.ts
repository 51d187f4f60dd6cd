/** The backtest report as a self-contained HTML file. */
export { renderReportHtml, writeReport, lightweightChartsSource, HEAD_NAMES } from './html.js';
export { CLIENT_SCRIPT } from './client.js';
export * from './format.js';
