package com.jorge.platform.search.listing;

/** Only active listings are offered; a sold or withdrawn one stays in the table for the record. */
public enum ListingStatus { ACTIVE, PENDING, SOLD, WITHDRAWN }
