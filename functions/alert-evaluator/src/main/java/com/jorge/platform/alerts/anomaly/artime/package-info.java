/**
 * ARTime (after Mark Hampton's adaptive-resonance detector, our own implementation; the README's "A second published
 * detector: ARTime" describes it): {@link com.jorge.platform.alerts.anomaly.artime.AdaptiveResonanceTimeDetector} and
 * its dual-vigilance fuzzy ART, the Lambda's settings ({@link com.jorge.platform.alerts.anomaly.artime.ArtimeSettings},
 * issue 17's variant G by default, L as {@code variantL()}) and the stream wrapper the Lambda runs
 * ({@link com.jorge.platform.alerts.anomaly.artime.StreamingArtime}: skipped points, probation, quiet period, side,
 * confidence, the memory kept in Redis). Plain Java: no Lambda, no AWS. evaluation/alert-evaluator replays it over NAB.
 */
package com.jorge.platform.alerts.anomaly.artime;
