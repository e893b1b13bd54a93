/**
 * A buyer's text read into {@link com.jorge.platform.search.query.SearchConstraints} (the hard part,
 * with a canonical key) and free text, by {@link com.jorge.platform.search.query.SearchQueryReader}
 * over lead-understanding's readers, the King County {@link com.jorge.platform.search.query.PlaceGazetteer}
 * and the feature reader.
 */
package com.jorge.platform.search.query;
