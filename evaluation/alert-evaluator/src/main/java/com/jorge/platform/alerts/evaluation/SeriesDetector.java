package com.jorge.platform.alerts.evaluation;

import java.time.LocalDateTime;
import java.util.List;

/** A detector as the evaluation sees it: one NAB series in, the times it raised an alert out. */
public interface SeriesDetector {

    /** Alert times after the series' probationary period (NAB does not score it). */
    List<LocalDateTime> alerts(NabCorpus.DataFile file);

    /** Its settings, for the report. */
    String describe();
}
