/**
 * Hybrid retrieval: {@link com.jorge.platform.search.retrieval.PropertySearch} filters in SQL and
 * ranks the candidates by MiniLM similarity in a {@link com.jorge.platform.search.retrieval.VectorIndex};
 * {@link com.jorge.platform.search.retrieval.ListingCatalog} keeps table and index in step and loads the
 * King County sample with its shipped embeddings ({@link com.jorge.platform.search.retrieval.SampleEmbeddings}).
 */
package com.jorge.platform.search.retrieval;
