package com.jorge.platform.models.training;

import com.jorge.platform.models.features.FeatureSet;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The yardstick for the trees: Tribuo's logistic regression (AdaGrad SGD, seeded) on the same encoded
 * rows, with unknown values imputed by the training mean and every column standardised, which a linear
 * model needs and trees do not. Only its metrics are kept; it is never served.
 */
public final class LogisticRegressionBaseline {

    static final int EPOCHS = 10;
    private static final Label CONVERTED = new Label("converted");
    private static final Label NOT_CONVERTED = new Label("not_converted");

    private final Model<Label> model;
    private final String[] names;
    private final double[] mean;
    private final double[] scale;

    private LogisticRegressionBaseline(Model<Label> model, String[] names, double[] mean, double[] scale) {
        this.model = model;
        this.names = names;
        this.mean = mean;
        this.scale = scale;
    }

    public static LogisticRegressionBaseline train(FeatureSet features, List<LeadOutcome> leads, long seed) {
        String[] names = features.featureNames().toArray(String[]::new);
        int columns = names.length;
        float[] rows = LeadScoreTrainingPipeline.encode(leads);
        if (rows.length != leads.size() * columns) {
            throw new IllegalArgumentException("leads are not encoded by " + features.version());
        }
        double[] mean = new double[columns];
        double[] scale = new double[columns];
        int[] known = new int[columns];
        for (int r = 0; r < leads.size(); r++) {
            for (int c = 0; c < columns; c++) {
                float x = rows[r * columns + c];
                if (!Float.isNaN(x)) {
                    mean[c] += x;
                    known[c]++;
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            mean[c] = known[c] == 0 ? 0 : mean[c] / known[c];
        }
        for (int r = 0; r < leads.size(); r++) {
            for (int c = 0; c < columns; c++) {
                float x = rows[r * columns + c];
                if (!Float.isNaN(x)) {
                    scale[c] += (x - mean[c]) * (x - mean[c]);
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            double sd = known[c] < 2 ? 0 : Math.sqrt(scale[c] / (known[c] - 1));
            scale[c] = sd > 0 ? sd : 1;
        }
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("lead outcomes, encoded by " + features.version(), labels), labels);
        for (int r = 0; r < leads.size(); r++) {
            dataset.add(new ArrayExample<>(leads.get(r).converted() ? CONVERTED : NOT_CONVERTED, names,
                    standardise(rows, r * columns, mean, scale)));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS,
                Integer.MAX_VALUE, 1, seed);
        return new LogisticRegressionBaseline(trainer.train(dataset), names, mean, scale);
    }

    public double[] probabilities(List<LeadOutcome> leads) {
        int columns = names.length;
        float[] rows = LeadScoreTrainingPipeline.encode(leads);
        if (rows.length != leads.size() * columns) {
            throw new IllegalArgumentException("leads have another feature count than the baseline's " + columns);
        }
        double[] probabilities = new double[leads.size()];
        for (int r = 0; r < leads.size(); r++) {
            Prediction<Label> prediction = model.predict(
                    new ArrayExample<>(NOT_CONVERTED, names, standardise(rows, r * columns, mean, scale)));
            probabilities[r] = prediction.getOutputScores().get(CONVERTED.getLabel()).getScore();
        }
        return probabilities;
    }

    private static double[] standardise(float[] rows, int offset, double[] mean, double[] scale) {
        double[] values = new double[mean.length];
        for (int c = 0; c < mean.length; c++) {
            float x = rows[offset + c];
            // a standardised zero is the mean: the imputation for an unknown value
            values[c] = Float.isNaN(x) ? 0 : (x - mean[c]) / scale[c];
        }
        return values;
    }
}
