package com.jorge.platform.understanding;

/** What the lead wants or objects to in one message. A message may carry several. */
public enum Intent {
    WANTS_CALL,
    WANTS_SHOWING,
    ASKS_HOME_VALUE,
    /** legal, tax or lending-rate questions the bot must not answer */
    OFF_LIMITS_QUESTION,
    JUST_LOOKING,
    HAS_AGENT,
    PRICE_TOO_HIGH,
    NOT_NOW,
    NOT_INTERESTED,
    WRONG_NUMBER,
    ANGRY,
    OPT_OUT,
    SELLING,
    BUYING,
    /** a message that is only a greeting or pleasantry */
    GREETING,
    /** starts with a yes-like answer */
    AFFIRMATIVE,
    /** starts with a no-like answer (an opt-out is not a "no") */
    NEGATIVE,
    /** asks something that no more specific intent covers */
    QUESTION,
    /** none of the above */
    OTHER
}
