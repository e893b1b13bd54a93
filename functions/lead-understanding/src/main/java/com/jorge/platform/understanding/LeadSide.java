package com.jorge.platform.understanding;

/** What the conversation already knows about the lead; decides how a bare amount is read. */
public enum LeadSide {
    SELLER,
    BUYER,
    UNKNOWN
}
