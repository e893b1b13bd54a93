/**
 * What an inbound lead message says, in English and Spanish: {@link LeadMessageUnderstander} (the
 * {@link MessageUnderstander}) combines pattern readers for exact facts ({@link MoneyReader},
 * {@link TimelineReader}, {@link OptOutDetector}, ...) with an embedding classifier for intents
 * ({@link ExemplarIntentClassifier}) into a {@link MessageUnderstanding} of {@link Slot}s and {@link Intent}s. Two learned
 * readers edit the intents after the rules: {@link StackedIntentReader} (hashed n-grams) and {@link FineTunedIntentReader}
 * (adapters over the int8 MiniLM, merged at load from the ONNX file's own weights, which {@link OnnxInitializers} reads).
 */
package com.jorge.platform.understanding;
