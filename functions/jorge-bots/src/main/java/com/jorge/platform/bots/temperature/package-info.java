/**
 * How hot a lead is: a {@code LeadScorer} (the rule-based estimate, or the live model through the
 * worker), the cut-offs, the reasons shown to the team, and the attributes outcomes are recorded in.
 */
package com.jorge.platform.bots.temperature;
