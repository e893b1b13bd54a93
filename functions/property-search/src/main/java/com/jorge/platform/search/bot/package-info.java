/**
 * The buyer bot's side of property search: {@link com.jorge.platform.search.bot.BuyerListingSearch}
 * implements jorge-bots' {@code ListingSearch} port over the cached search, {@link
 * com.jorge.platform.search.bot.ListingLinks} makes each listing's link.
 */
package com.jorge.platform.search.bot;
