package com.jorge.platform.alerts.business;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** One business alert: reads a location's BI numbers and says whether they are bad; empty when there is too little to judge. */
public sealed interface BusinessCheck permits QualificationRateCheck, PipelineValueCheck, CommissionTargetCheck {

    /** The alert's name; the rule in the alert state and on SNS is {@code name/locationId}. */
    String name();

    Optional<BusinessReading> read(String locationId, ZoneId zone, Instant now) throws SQLException;
}
