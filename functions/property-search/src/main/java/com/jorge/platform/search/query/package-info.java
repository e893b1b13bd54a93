/**
 * A buyer's text read into {@link com.jorge.platform.search.query.SearchConstraints} (the hard part,
 * with a canonical key) and free text, by {@link com.jorge.platform.search.query.SearchQueryReader}
 * over lead-understanding's readers, the King County {@link com.jorge.platform.search.query.PlaceGazetteer}
 * and the feature reader; the free text loses the buyer's chatter ({@code Chatter}) and is written in
 * canonical words ({@code PreferenceWords}) before anything compares it.
 */
package com.jorge.platform.search.query;
