/**
 * Multi-touch revenue attribution: a won deal's {@link com.jorge.platform.bi.attribution.Touch touches}
 * (lead source and campaign, channels, bot conversations, agents, appointments) share its value under each
 * {@link com.jorge.platform.bi.attribution.AttributionModel}, in whole cents that add up exactly
 * ({@link com.jorge.platform.bi.attribution.LargestRemainder}). {@link com.jorge.platform.bi.attribution.DealAttribution}
 * keeps bi_deal_touches current; {@link com.jorge.platform.bi.attribution.AttributionReader} sums it for a report.
 */
package com.jorge.platform.bi.attribution;
