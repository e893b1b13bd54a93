package com.jorge.platform.models.training;

import com.jorge.platform.models.features.BankMarketingFeatureSet;
import com.jorge.platform.models.features.FeatureSet;
import com.jorge.platform.models.features.InvalidLeadAttributeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The UCI Bank Marketing file (';'-separated, header row, {@code y} = 0/1) bundled in
 * {@code models/data/bank-marketing}, encoded by {@link BankMarketingFeatureSet}. {@code duration} is
 * dropped here: it is only known after the call and leaks the outcome.
 */
public record BankMarketingSource(Path csv) implements LeadOutcomeSource {

    static final String LEAKING_COLUMN = "duration";
    static final String OUTCOME_COLUMN = "y";

    /** One data line as read: its raw cells by column name (without duration and y) and its outcome. */
    record Row(int line, Map<String, String> attributes, boolean converted) {
    }

    @Override
    public List<LeadOutcome> load() {
        List<Row> rows = rows();
        List<LeadOutcome> outcomes = new ArrayList<>(rows.size());
        for (Row row : rows) {
            try {
                outcomes.add(LeadOutcome.encode(featureSet(), row.attributes(), row.converted()));
            } catch (InvalidLeadAttributeException e) {
                throw new IllegalArgumentException(csv + " line " + row.line() + ": " + e.getMessage(), e);
            }
        }
        return outcomes;
    }

    @Override
    public FeatureSet featureSet() {
        return BankMarketingFeatureSet.INSTANCE;
    }

    /** The lines before encoding: what a test writes into another store to read back through it. */
    List<Row> rows() {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(csv + ": empty file");
            }
            String[] columns = header.split(";", -1);
            int outcome = List.of(columns).indexOf(OUTCOME_COLUMN);
            if (outcome < 0) {
                throw new IllegalArgumentException(csv + ": no '" + OUTCOME_COLUMN + "' column in header");
            }
            List<Row> rows = new ArrayList<>();
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                rows.add(parse(columns, outcome, line.split(";", -1), lineNumber));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    private Row parse(String[] columns, int outcome, String[] cells, int lineNumber) {
        if (cells.length != columns.length) {
            throw new IllegalArgumentException(csv + " line " + lineNumber + ": " + cells.length
                    + " cells, header has " + columns.length);
        }
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < columns.length; i++) {
            if (i != outcome && !columns[i].equals(LEAKING_COLUMN)) {
                attributes.put(columns[i], cells[i]);
            }
        }
        boolean converted = switch (cells[outcome].strip()) {
            case "1", "yes" -> true;
            case "0", "no" -> false;
            default -> throw new IllegalArgumentException(csv + " line " + lineNumber + ": " + OUTCOME_COLUMN
                    + " must be 0/1 or yes/no, was '" + cells[outcome] + "'");
        };
        return new Row(lineNumber, Map.copyOf(attributes), converted);
    }

    /** The UCI rows are ordered by date, May 2008 to November 2010. */
    @Override
    public boolean chronological() {
        return true;
    }

    @Override
    public String description() {
        return "bank-marketing: UCI Bank Marketing (Moro et al. 2014, CC BY 4.0), file " + csv.getFileName()
                + ", column 'duration' dropped";
    }
}
