/**
 * λ bi-aggregator: {@link BiAggregatorHandler} runs the {@link BiAggregator}, which captures each location's
 * changes ({@link ChangeCapture}, {@link LeadMilestones}, {@link DealOutcomes}) into days to recompute
 * ({@link DirtyDays}) and rolls each day up ({@link DayFiguresQuery} to {@link RollupTables}); {@link BiReport}
 * reads the rollups back, also from a shell ({@link BiReportCommand}, {@link BiBackfillCommand}). Multi-touch
 * attribution lives in {@code attribution}, the commission plan in {@code commission}.
 */
package com.jorge.platform.bi;
