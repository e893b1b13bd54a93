/**
 * Agent coaching: {@link com.jorge.platform.bi.coaching.CoachingReader} follows each
 * {@link com.jorge.platform.bi.coaching.Handoff} to acceptance, first reply, appointment and deal, per agent and
 * week; {@link com.jorge.platform.bi.coaching.SuccessModel} predicts a new hand-off's success and
 * {@link com.jorge.platform.bi.coaching.ForwardValidation} scores it forward in time on held-out months.
 */
package com.jorge.platform.bi.coaching;
