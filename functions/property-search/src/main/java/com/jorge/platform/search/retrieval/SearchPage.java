package com.jorge.platform.search.retrieval;

import java.util.List;

/** A page of results, best first, and how many listings satisfied the constraints in all. */
public record SearchPage(List<SearchHit> hits, int matching) {

    public SearchPage {
        hits = List.copyOf(hits);
    }

    public List<Long> ids() {
        return hits.stream().map(h -> h.listing().id()).toList();
    }
}
