package com.jorge.platform.alerts.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A NAB scores file as NAB's scorer writes it ({@code <detector>_<profile>_scores.csv}): a header naming
 * Detector, Profile, File, Threshold, Score, TP, TN, FP, FN, Total_Count (columns found by name, so an index
 * column in front does not matter), one row per data file, and a {@code Totals} row with the sums.
 */
public final class NabScoresFile {

    /** One data file's published result. */
    public record Row(double threshold, double score, int tp, int tn, int fp, int fn) {}

    private final Map<String, Row> rows;
    private final Row totals;

    private NabScoresFile(Map<String, Row> rows, Row totals) {
        this.rows = rows;
        this.totals = totals;
    }

    public static NabScoresFile read(Path file) {
        try {
            return parse(Files.readAllLines(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NabScoresFile parse(List<String> lines, String source) {
        if (lines.isEmpty()) throw new IllegalArgumentException(source + " is empty");
        List<String> header = Arrays.stream(lines.getFirst().split(",", -1)).map(String::trim).toList();
        int file = column(header, "File", source), threshold = column(header, "Threshold", source), score = column(header, "Score", source);
        int tp = column(header, "TP", source), tn = column(header, "TN", source), fp = column(header, "FP", source), fn = column(header, "FN", source);
        Map<String, Row> rows = new TreeMap<>();
        Row totals = null;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] c = line.split(",", -1);
            boolean isTotals = Arrays.stream(c).anyMatch(cell -> cell.trim().equalsIgnoreCase("Totals"));
            Row row = new Row(number(c, threshold), number(c, score), (int) number(c, tp), (int) number(c, tn), (int) number(c, fp), (int) number(c, fn));
            if (isTotals) totals = row;
            else rows.put(c[file].trim(), row);
        }
        return new NabScoresFile(rows, totals);
    }

    /** Per data file (its name relative to data/), without the Totals row. */
    public Map<String, Row> rows() {
        return rows;
    }

    /** The Totals row, when the file has one. */
    public Optional<Row> totals() {
        return Optional.ofNullable(totals);
    }

    private static int column(List<String> header, String name, String source) {
        int i = header.indexOf(name);
        if (i < 0) throw new IllegalArgumentException(source + ": no column " + name + " in " + header);
        return i;
    }

    private static double number(String[] cells, int i) {
        if (i >= cells.length || cells[i].isBlank()) return Double.NaN;
        return Double.parseDouble(cells[i].trim());
    }
}
