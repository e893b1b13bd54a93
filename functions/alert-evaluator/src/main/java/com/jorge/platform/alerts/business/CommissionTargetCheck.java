package com.jorge.platform.alerts.business;

import com.jorge.platform.alerts.rules.Severity;
import com.jorge.platform.bi.BiReport;
import com.jorge.platform.bi.BiReportReader;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The month's commission projection, as the BI report computes it: gross commission realised on deals won
 * since the first of the month (location's zone) plus the projected commission of the latest pipeline
 * snapshot (stage probabilities configured or learned). Bad when it is more than {@code commissionMiss}
 * under the location's target; a location without a target is not judged.
 */
public record CommissionTargetCheck(BiReportReader reports, BusinessAlertSettings settings) implements BusinessCheck {

    public static final String NAME = "CommissionTargetMiss";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<BusinessReading> read(String locationId, ZoneId zone, Instant now) {
        BigDecimal target = settings.commissionTargets().get(locationId);
        if (target == null) return Optional.empty();
        LocalDate today = LocalDate.ofInstant(now, zone);
        BiReport.Commission commission = reports.commission(locationId, today.withDayOfMonth(1), today);
        BigDecimal realised = commission.realised().gross();
        BigDecimal projected = commission.projected().commission();
        double projection = realised.add(projected).doubleValue();
        double firesBelow = target.doubleValue() * (1 - settings.commissionMiss().doubleValue());
        String numbers = String.format(Locale.ROOT,
                "commission projected for %s: $%,.2f ($%,.2f realised on %d won deals + $%,.2f from the open pipeline) against the target $%,.2f: %.1f %% %s; alerts under $%,.2f",
                today.toString().substring(0, 7), projection, realised.doubleValue(), commission.realised().deals(),
                projected.doubleValue(), target.doubleValue(), 100 * Math.abs(1 - projection / target.doubleValue()),
                projection < target.doubleValue() ? "short" : "over", firesBelow);
        return Optional.of(new BusinessReading(NAME, Severity.WARNING, projection < firesBelow, projection, firesBelow, numbers));
    }
}
