/**
 * Daily shadow-signal aggregates (rejection_learning_metrics), recomputed from rejected_signals for the
 * UTC days given — so recording the same shadows twice can never count them twice.
 */
import type { SqlRunner } from './sql-runner.js';

const DAY = 86_400_000;

/** Recomputes the aggregates of the days (by resolution time) that contain any of `times`. */
export async function refreshRejectionMetrics(runner: SqlRunner, times: readonly number[]): Promise<void> {
  const days = [...new Set(times.map((t) => Math.floor(t / DAY) * DAY))];
  for (const day of days) {
    await runner.run('DELETE FROM rejection_learning_metrics WHERE day = ?', [day]);
    await runner.run(
      `INSERT INTO rejection_learning_metrics (day, category, regime, resolved, good_rejections, missed_opportunities, rejection_accuracy, missed_rate)
       SELECT ?, category, regime, COUNT(*),
              SUM(CASE WHEN won = 0 THEN 1 ELSE 0 END),
              SUM(CASE WHEN won = 1 THEN 1 ELSE 0 END),
              1.0 * SUM(CASE WHEN won = 0 THEN 1 ELSE 0 END) / COUNT(*),
              1.0 * SUM(CASE WHEN won = 1 THEN 1 ELSE 0 END) / COUNT(*)
       FROM rejected_signals
       WHERE result IS NOT NULL AND exit_time >= ? AND exit_time < ?
       GROUP BY category, regime`,
      [day, day, day + DAY],
    );
  }
}
