package com.jorge.platform.understanding;

/**
 * The facts a qualification conversation collects. The normalised value format of each slot is part
 * of the contract (the policies compare values, the corpus labels them); see README.md.
 */
public enum SlotName {
    // sellers
    /** relocating, downsizing, divorce, inherited, financial, upgrading, retiring, tired_landlord */
    MOTIVATION,
    /** whole months from now until the time meant (lower end of a range); "0" = ASAP/now */
    TIMELINE,
    /** street address as written, whitespace collapsed */
    PROPERTY_ADDRESS,
    /** good, fair, poor */
    CONDITION,
    /** dollars, integer, e.g. "450000" */
    PRICE_EXPECTATION,
    /** yes, no */
    OWES_MORTGAGE,
    /** spouse, partner, family, business_partner, none */
    OTHER_DECISION_MAKERS,
    /** yes, no, expired */
    ALREADY_LISTED,

    // buyers
    /** dollars, integer */
    BUDGET_MIN,
    /** dollars, integer; a bare amount with no cue is reported here unless the lead is a known seller */
    BUDGET_MAX,
    /** yes, no, in_progress */
    PRE_APPROVAL,
    /** lender name as written */
    LENDER,
    /** city, neighbourhood, zip code or school district as written; may repeat */
    AREA,
    /** single_family, condo, townhouse, multi_family, land, manufactured */
    PROPERTY_TYPE,
    /** minimum bedrooms, e.g. "3" */
    BEDROOMS,
    /** minimum bathrooms, e.g. "2" or "2.5" */
    BATHROOMS,
    /** pool, garage, yard, single_story, office, basement, no_hoa, acreage, view, waterfront, adu, rv_parking; may repeat */
    MUST_HAVES,
    /** yes, no */
    FIRST_TIME_BUYER,
    /** yes, no */
    HOME_TO_SELL_FIRST,

    // both
    /** the lead's own name (a correction included), capitalised */
    NAME,
    /** morning, afternoon, evening, weekend, weekday, anytime, "after HH:MM", "before HH:MM", "HH:MM"; may repeat */
    CONTACT_TIME,
    /** lower-case address */
    EMAIL
}
