/**
 * The buyer bot's listings: {@link com.jorge.platform.bots.search.ListingSearch}, the port the worker
 * provides over property search; {@link com.jorge.platform.bots.search.BuyerCriteria}, what the buyer
 * asked for, from the conversation's facts; {@link com.jorge.platform.bots.search.ListingSuggestions},
 * when to offer listings and the text that offers them.
 */
package com.jorge.platform.bots.search;
