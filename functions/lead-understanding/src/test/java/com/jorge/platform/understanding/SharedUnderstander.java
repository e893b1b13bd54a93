package com.jorge.platform.understanding;

/** One understander for all tests: loading the model once keeps the suite fast, as the worker does at cold start. */
final class SharedUnderstander {

    static final LeadMessageUnderstander WITH_MODEL = LeadMessageUnderstander.load(EvaluateCorpus.CORPUS_CLOCK);
    static final LeadMessageUnderstander PATTERNS_ONLY = LeadMessageUnderstander.patternsOnly(EvaluateCorpus.CORPUS_CLOCK);

    private SharedUnderstander() {
    }
}
