package com.jorge.platform.bots;

/** Names of the GHL pipeline stages the bots move opportunities to (resolved to ids by the worker). */
public record PipelineStages(String qualifying, String warm, String hot, String appointment, String nurture,
                             String closed) {

    public static final PipelineStages DEFAULT =
            new PipelineStages("Qualifying", "Warm Lead", "Hot Lead", "Appointment Requested", "Nurture", "Closed");
}
