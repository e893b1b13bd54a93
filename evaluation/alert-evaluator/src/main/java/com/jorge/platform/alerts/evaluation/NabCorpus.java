package com.jorge.platform.alerts.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.json.PlatformJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The NAB files copied into this module ({@code nab/}): data CSVs, labelled windows and anomaly
 * points, the profiles, and the windowedGaussian reference results used to check {@link NabScorer}.
 */
public final class NabCorpus {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");
    private final Path root;
    private final JsonNode windows;
    private final JsonNode labels;

    /** One data file: its name relative to data/ (e.g. realAWSCloudwatch/ec2_cpu_utilization_24ae8d.csv). */
    public record DataFile(String name, List<LocalDateTime> timestamps, double[] values, List<NabWindow> windows,
                           List<LocalDateTime> labels) {}

    public NabCorpus(Path root) {
        this.root = root;
        this.windows = json(root.resolve("labels/combined_windows.json"));
        this.labels = json(root.resolve("labels/combined_labels.json"));
    }

    /** Every data file that has labels, in name order. */
    public List<DataFile> files() {
        List<DataFile> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        windows.fieldNames().forEachRemaining(names::add);
        names.sort(String::compareTo);
        for (String name : names) {
            Path csv = root.resolve("data").resolve(name);
            if (!Files.exists(csv)) continue;
            Columns c = read(csv, "value");
            out.add(new DataFile(name, c.timestamps, c.values, windowsOf(name), labelsOf(name)));
        }
        return out;
    }

    public List<NabWindow> windowsOf(String name) {
        List<NabWindow> out = new ArrayList<>();
        for (JsonNode w : windows.path(name)) out.add(new NabWindow(parse(w.get(0).asText()), parse(w.get(1).asText())));
        return out;
    }

    public List<LocalDateTime> labelsOf(String name) {
        List<LocalDateTime> out = new ArrayList<>();
        for (JsonNode l : labels.path(name)) out.add(parse(l.asText()));
        return out;
    }

    public CostProfile profile(String name) {
        JsonNode m = json(root.resolve("config/profiles.json")).path(name).path("CostMatrix");
        if (m.isMissingNode()) throw new IllegalArgumentException("no profile " + name);
        return new CostProfile(m.get("tpWeight").asDouble(), m.get("fpWeight").asDouble(), m.get("fnWeight").asDouble());
    }

    /** A published detector's per-row anomaly scores for one data file. */
    public Columns reference(String detector, String name) {
        int slash = name.indexOf('/');
        Path file = root.resolve("reference-results").resolve(detector).resolve(name.substring(0, slash))
                .resolve(detector + "_" + name.substring(slash + 1) + ".gz");
        return read(file, "anomaly_score");
    }

    /** The published per-file results of a detector under a profile: file name to its row. */
    public TreeMap<String, String[]> referenceScores(String detector, String profile) {
        Path file = root.resolve("reference-results").resolve(detector).resolve(detector + "_" + profile + "_scores.csv");
        TreeMap<String, String[]> out = new TreeMap<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                out.put(cells[2], cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public record Columns(List<LocalDateTime> timestamps, double[] values) {}

    static Columns read(Path file, String column) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",");
            int col = List.of(header).indexOf(column);
            if (col < 0) throw new IllegalArgumentException(file + " has no column " + column);
            List<LocalDateTime> ts = new ArrayList<>();
            List<Double> vs = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] cells = line.split(",");
                ts.add(parse(cells[0]));
                vs.add(Double.parseDouble(cells[col]));
            }
            return new Columns(ts, vs.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalDateTime parse(String s) {
        return LocalDateTime.parse(s.trim(), STAMP);
    }

    private static JsonNode json(Path file) {
        try {
            return PlatformJson.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
