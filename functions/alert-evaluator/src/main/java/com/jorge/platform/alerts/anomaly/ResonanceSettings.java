package com.jorge.platform.alerts.anomaly;

/**
 * Settings of the adaptive-resonance part ({@link ResonanceNovelty}), an ARTime-like novelty detector (Hampton's ARTime,
 * 74.9 on NAB: fuzzy ART over short windows of downsampled, normalised values). Steps and masks are in downsampled
 * points (one per {@code step} raw points).
 *
 * @param on          the part is on
 * @param step        raw points per downsampled point (a block: its mean, or its extreme when that is far off the mean)
 * @param window      downsampled points in a feature window (the features: these values and their Haar wavelet)
 * @param categories  categories the ART remembers at most (the one used longest ago makes room): bounds its memory
 * @param levels      levels the normalised values are rounded to (noise below a level is not a new shape)
 * @param chomp       a normalised value this close to the running median is the median (ARTime's "chomp")
 * @param train       downsampled points that only learn, under the initial vigilance, before the vigilance adapts
 *                    and the part may alert
 * @param mask        downsampled points after a novel category (or an alert) during which only a much worse match alerts
 * @param initialRho  the vigilance while training
 * @param rhoCap      the upper vigilance (the running mean of the best match) never exceeds this
 * @param confidence  a novel input alerts when its confidence (how far under the vigilances it matched) reaches this
 * @param z           ... and the newest point is this many sigmas off its window's mean (the spike part's z)
 */
public record ResonanceSettings(boolean on, int step, int window, int categories, int levels, double chomp, int train,
                                int mask, double initialRho, double rhoCap, double confidence, double z) {

    public ResonanceSettings {
        if (step < 1 || step > 60) throw new IllegalArgumentException("artStep must be 1 to 60 points, got " + step);
        if (window < 2 || window > 32 || Integer.bitCount(window) != 1) {
            throw new IllegalArgumentException("artWindow must be a power of two from 2 to 32, got " + window);
        }
        if (categories < 2 || categories > 256) throw new IllegalArgumentException("artCategories must be 2 to 256, got " + categories);
        if (levels < 2 || levels > 10_000) throw new IllegalArgumentException("artLevels must be 2 to 10000, got " + levels);
        if (!(chomp >= 0 && chomp < 1)) throw new IllegalArgumentException("artChomp must be in [0, 1), got " + chomp);
        if (train < 2 * window) throw new IllegalArgumentException("artTrain must be at least twice artWindow, got " + train);
        if (mask < 0) throw new IllegalArgumentException("artMask must not be negative, got " + mask);
        if (!(initialRho > 0 && initialRho < 1)) throw new IllegalArgumentException("artInitialRho must be in (0, 1), got " + initialRho);
        if (!(rhoCap > 0 && rhoCap < 1)) throw new IllegalArgumentException("artRhoCap must be in (0, 1), got " + rhoCap);
        if (!(z >= 0)) throw new IllegalArgumentException("artZ must not be negative, got " + z);
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("artConfidence must be in [0, 1], got " + confidence);
    }

    static ResonanceSettings defaults() {
        return new ResonanceSettings(true, 5, 8, 32, 80, 0.075, 104, 12, 0.8, 0.97, 0.8, 3);
    }

    /** Whether {@code name} is one of these settings' names (art, artStep, ...). */
    static boolean named(String name) {
        return name.equals("art") || name.startsWith("art") && name.length() > 3 && Character.isUpperCase(name.charAt(3));
    }

    /** These settings with one changed by name; an unknown name is refused. */
    ResonanceSettings with(String name, String value) {
        boolean o = on;
        int s = step, w = window, c = categories, l = levels, t = train, m = mask;
        double ch = chomp, ir = initialRho, rc = rhoCap, cf = confidence, z0 = z;
        switch (name) {
            case "art" -> o = AnomalySettings.onOff(name, value);
            case "artStep" -> s = Integer.parseInt(value);
            case "artWindow" -> w = Integer.parseInt(value);
            case "artCategories" -> c = Integer.parseInt(value);
            case "artLevels" -> l = Integer.parseInt(value);
            case "artChomp" -> ch = Double.parseDouble(value);
            case "artTrain" -> t = Integer.parseInt(value);
            case "artMask" -> m = Integer.parseInt(value);
            case "artInitialRho" -> ir = Double.parseDouble(value);
            case "artRhoCap" -> rc = Double.parseDouble(value);
            case "artConfidence" -> cf = Double.parseDouble(value);
            case "artZ" -> z0 = Double.parseDouble(value);
            default -> throw new IllegalArgumentException("unknown detector setting '" + name + "'; known: " + NAMES);
        }
        return new ResonanceSettings(o, s, w, c, l, ch, t, m, ir, rc, cf, z0);
    }

    static final String NAMES = "art, artStep, artWindow, artCategories, artLevels, artChomp, artTrain, artMask, artInitialRho, artRhoCap, artConfidence, artZ";
}
