package com.jorge.platform.models.training;

/**
 * Platt scaling of the booster's margin: p = sigmoid(slope * margin + intercept). Fitted on the
 * validation split by Newton's method on the log-loss, each step halved until it does not raise the loss
 * (plain Newton diverges from (1, 0) when confident margins meet a few wrong outcomes, as on a few hundred
 * leads); identity (1, 0) is in the family, so a model that is already calibrated stays as it is. It runs inside the ONNX graph (Mul, Add, Sigmoid), so no
 * server or client applies it a second time.
 */
public record PlattCalibration(double slope, double intercept) {

    public static final PlattCalibration IDENTITY = new PlattCalibration(1, 0);

    public double probability(double margin) {
        return sigmoid(slope * margin + intercept);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    public static PlattCalibration fit(double[] margins, boolean[] converted) {
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (int i = 0; i < margins.length; i++) {
                double p = sigmoid(a * margins[i] + b);
                double residual = p - (converted[i] ? 1 : 0);
                double w = Math.max(p * (1 - p), 1e-12);
                ga += residual * margins[i];
                gb += residual;
                haa += w * margins[i] * margins[i];
                hab += w * margins[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (det <= 0) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            // the full step whenever it helps, so a fit that converges plainly is unchanged by the search
            double loss = logLoss(margins, converted, a, b);
            double step = 1;
            while (step > 1e-10 && logLoss(margins, converted, a - step * da, b - step * db)
                    > loss + 1e-12 * Math.max(1, loss)) {
                step /= 2;
            }
            if (step <= 1e-10) {
                break; // no step lowers the loss: at the minimum to rounding
            }
            da *= step;
            db *= step;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-12 && Math.abs(db) < 1e-12) {
                break;
            }
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalStateException("Platt calibration did not converge: slope " + a + ", intercept " + b);
        }
        return new PlattCalibration(a, b);
    }

    /** Summed log-loss, computed from the margin so a confident wrong outcome costs its size, not infinity. */
    static double logLoss(double[] margins, boolean[] converted, double slope, double intercept) {
        double sum = 0;
        for (int i = 0; i < margins.length; i++) {
            double z = slope * margins[i] + intercept;
            // -log sigmoid(z) for a conversion, -log(1 - sigmoid(z)) = -log sigmoid(-z) otherwise
            double t = converted[i] ? z : -z;
            sum += t > 0 ? Math.log1p(Math.exp(-t)) : -t + Math.log1p(Math.exp(t));
        }
        return sum;
    }
}
