package com.jorge.platform.bi.daily;

/** Where the daily report pages go (S3 in AWS: {@link S3ReportStore}). */
public interface ReportStore {

    /** Stores one self-contained HTML page under {@code key}, replacing what was there. */
    void put(String key, String html);
}
