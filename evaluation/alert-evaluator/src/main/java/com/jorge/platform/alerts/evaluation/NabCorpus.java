package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.rules.Direction;

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
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A folder in NAB's layout: {@code data/<category>/<series>.csv}, a windows file (by default
 * {@code labels/combined_windows.json}), {@code config/profiles.json}, and, when present, the anomaly points
 * ({@code combined_labels.json} beside the windows file; else each window's middle, where NAB centres its
 * windows) and published results of other detectors ({@code results/<detector>/} as NAB has them, or
 * {@code reference-results/<detector>/} as this module's trimmed copy has them, per-file CSVs plain or gzip).
 */
public final class NabCorpus {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");
    private final Path root;
    private final JsonNode windows;
    private final JsonNode labels;
    private final JsonNode lines;

    /** One data file: its name relative to data/ (e.g. realAWSCloudwatch/ec2_cpu_utilization_24ae8d.csv). */
    public record DataFile(String name, List<LocalDateTime> timestamps, double[] values, List<NabWindow> windows,
                           List<LocalDateTime> labels, List<OperatorLine> lines) {}

    /**
     * A threshold an operator drew for a series ({@code thresholds.json} at the folder's root, as the synthetic ramps
     * have it: {@code {"<series>": {"threshold": 3000, "direction": "ABOVE"}}}); NAB's own series have none.
     */
    public record OperatorLine(double threshold, Direction direction) {}

    public NabCorpus(Path root) {
        this(root, root.resolve("labels/combined_windows.json"));
    }

    public NabCorpus(Path root, Path windowsFile) {
        this.root = root;
        this.windows = json(windowsFile);
        Path points = windowsFile.resolveSibling("combined_labels.json");
        this.labels = Files.isRegularFile(points) ? json(points) : null;
        this.lines = Files.isRegularFile(root.resolve("thresholds.json")) ? json(root.resolve("thresholds.json")) : null;
    }

    /** The series named in the windows file whose data file exists, in name order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        windows.fieldNames().forEachRemaining(names::add);
        names.sort(String::compareTo);
        return names.stream().filter(n -> Files.isRegularFile(root.resolve("data").resolve(n))).toList();
    }

    /** Every data file that has labels, in name order. */
    public List<DataFile> files() {
        return files(names());
    }

    public List<DataFile> files(List<String> names) {
        List<DataFile> out = new ArrayList<>();
        for (String name : names) {
            Path csv = root.resolve("data").resolve(name);
            if (!Files.isRegularFile(csv)) throw new IllegalArgumentException("no data file data/" + name);
            Columns c = read(csv, "value");
            out.add(new DataFile(name, c.timestamps, c.values, windowsOf(name), labelsOf(name), linesOf(name)));
        }
        return out;
    }

    /** The operator's thresholds for this series; none when the folder has no thresholds.json or it names none. */
    public List<OperatorLine> linesOf(String name) {
        if (lines == null || !lines.has(name)) return List.of();
        JsonNode line = lines.get(name);
        if (!line.path("threshold").isNumber()) throw new IllegalArgumentException("thresholds.json: '" + name + "' has no numeric threshold");
        try {
            return List.of(new OperatorLine(line.get("threshold").asDouble(), Direction.valueOf(line.path("direction").asText())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("thresholds.json: '" + name + "' direction must be ABOVE or BELOW, got '" + line.path("direction").asText() + "'");
        }
    }

    public List<NabWindow> windowsOf(String name) {
        List<NabWindow> out = new ArrayList<>();
        for (JsonNode w : windows.path(name)) out.add(new NabWindow(parse(w.get(0).asText()), parse(w.get(1).asText())));
        return out;
    }

    public List<LocalDateTime> labelsOf(String name) {
        List<LocalDateTime> out = new ArrayList<>();
        if (labels != null) {
            for (JsonNode l : labels.path(name)) out.add(parse(l.asText()));
            return out;
        }
        for (NabWindow w : windowsOf(name)) {
            out.add(w.start().plusSeconds(java.time.Duration.between(w.start(), w.end()).toSeconds() / 2));
        }
        return out;
    }

    public CostProfile profile(String name) {
        JsonNode m = json(root.resolve("config/profiles.json")).path(name).path("CostMatrix");
        if (m.isMissingNode()) throw new IllegalArgumentException("no profile " + name);
        return new CostProfile(m.get("tpWeight").asDouble(), m.get("fpWeight").asDouble(), m.get("fnWeight").asDouble());
    }

    /** The folder of a published detector's results, when the corpus has one. */
    public Optional<Path> referenceFolder(String detector) {
        for (String parent : List.of("results", "reference-results")) {
            Path dir = root.resolve(parent).resolve(detector);
            if (Files.isDirectory(dir)) return Optional.of(dir);
        }
        return Optional.empty();
    }

    /** A published detector's per-row anomaly scores for one data file, when present. */
    public Optional<Columns> referenceRows(String detector, String name) {
        int slash = name.indexOf('/');
        return referenceFolder(detector).flatMap(dir -> {
            Path plain = dir.resolve(name.substring(0, slash)).resolve(detector + "_" + name.substring(slash + 1));
            for (Path file : List.of(plain, plain.resolveSibling(plain.getFileName() + ".gz"))) {
                if (Files.isRegularFile(file)) return Optional.of(read(file, "anomaly_score"));
            }
            return Optional.empty();
        });
    }

    /** A published detector's per-row anomaly scores for one data file. */
    public Columns reference(String detector, String name) {
        return referenceRows(detector, name).orElseThrow(() -> new IllegalArgumentException("no " + detector + " results for " + name));
    }

    /** The published scores file of a detector under a profile, when present. */
    public Optional<NabScoresFile> referenceScores(String detector, String profile) {
        return referenceFolder(detector).map(dir -> dir.resolve(detector + "_" + profile + "_scores.csv"))
                .filter(Files::isRegularFile).map(NabScoresFile::read);
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
