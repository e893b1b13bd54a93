/**
 * Trains the lead score: {@link TrainLeadScore} ({@code models/train.sh}) runs the
 * {@link LeadScoreTrainingPipeline} over a {@link LeadOutcomeSource} (bank-marketing or Aurora's
 * {@code lead_outcomes}): XGBoost trees, Platt calibration, an ONNX export ({@link TreeEnsembleOnnxExporter}) and
 * the evaluated {@link ModelArtifacts} with their {@link ModelCard}.
 */
package com.jorge.platform.models.training;
