package com.jorge.platform.models.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * XGBoost settings for the lead score. One thread by default: XGBoost's histogram sums depend on how
 * rows are divided among threads, and a model must come out the same on a laptop and in CI.
 */
public record BoostingParameters(int rounds, int maxDepth, double learningRate, double subsample,
                                 double columnSample, double minChildWeight, double l2, int threads) {

    public static final BoostingParameters DEFAULTS = new BoostingParameters(300, 5, 0.05, 0.8, 0.8, 1, 1, 1);

    public BoostingParameters {
        if (rounds < 1 || maxDepth < 1 || learningRate <= 0 || subsample <= 0 || subsample > 1
                || columnSample <= 0 || columnSample > 1 || threads < 1) {
            throw new IllegalArgumentException("invalid boosting parameters: " + this);
        }
    }

    Map<String, Object> xgboostParams(long seed) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "binary:logistic");
        params.put("tree_method", "hist");
        params.put("max_depth", maxDepth);
        params.put("eta", learningRate);
        params.put("subsample", subsample);
        params.put("colsample_bytree", columnSample);
        params.put("min_child_weight", minChildWeight);
        params.put("lambda", l2);
        params.put("nthread", threads);
        params.put("seed", seed);
        params.put("eval_metric", "auc");
        params.put("verbosity", 0);
        return params;
    }
}
