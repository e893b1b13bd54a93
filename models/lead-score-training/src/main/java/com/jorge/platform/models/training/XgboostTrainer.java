package com.jorge.platform.models.training;

import com.jorge.platform.models.features.FeatureSet;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Trains the gradient-boosted trees on encoded leads and answers their raw margins. */
public final class XgboostTrainer {

    private XgboostTrainer() {
    }

    /** A trained booster; closing it frees the native model. */
    public static final class TrainedBooster implements AutoCloseable {
        private final Booster booster;
        private final int columns;

        private TrainedBooster(Booster booster, int columns) {
            this.booster = booster;
            this.columns = columns;
        }

        public byte[] modelJson() {
            try {
                return booster.toByteArray("json");
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost could not serialise the model", e);
            }
        }

        /** XGBoost's own margins (log-odds before calibration) for encoded rows. */
        public double[] margins(float[] rows, int rowCount) {
            DMatrix matrix = null;
            try {
                matrix = new DMatrix(rows, rowCount, columns, Float.NaN);
                float[][] predictions = booster.predict(matrix, true);
                double[] margins = new double[rowCount];
                for (int i = 0; i < rowCount; i++) {
                    margins[i] = predictions[i][0];
                }
                return margins;
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost prediction failed", e);
            } finally {
                if (matrix != null) {
                    matrix.dispose();
                }
            }
        }

        @Override
        public void close() {
            booster.dispose();
        }
    }

    /** Trains on leads encoded by {@code features}; the booster reads rows of that many columns. */
    public static TrainedBooster train(FeatureSet features, List<LeadOutcome> leads, BoostingParameters parameters,
                                       long seed) {
        int columns = features.featureCount();
        float[] rows = LeadScoreTrainingPipeline.encode(leads);
        if (rows.length != leads.size() * columns) {
            throw new IllegalArgumentException("leads are not encoded by " + features.version());
        }
        float[] labels = new float[leads.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = leads.get(i).converted() ? 1f : 0f;
        }
        DMatrix train = null;
        try {
            train = new DMatrix(rows, leads.size(), columns, Float.NaN);
            train.setLabel(labels);
            Booster booster = XGBoost.train(train, parameters.xgboostParams(seed), parameters.rounds(),
                    Map.of(), null, null);
            return new TrainedBooster(booster, columns);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (train != null) {
                train.dispose();
            }
        }
    }
}
