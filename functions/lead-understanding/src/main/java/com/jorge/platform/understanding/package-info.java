/**
 * What an inbound lead message says, in English and Spanish: {@link LeadMessageUnderstander} (the
 * {@link MessageUnderstander}) combines pattern readers for exact facts ({@link MoneyReader},
 * {@link TimelineReader}, {@link OptOutDetector}, ...) with an embedding classifier for intents
 * ({@link ExemplarIntentClassifier}) into a {@link MessageUnderstanding} of {@link Slot}s and {@link Intent}s.
 */
package com.jorge.platform.understanding;
