package com.jorge.platform.worker;

import java.time.ZoneId;

/** Where a lead probably is, for quiet hours: from the location's (or contact's) zone and the phone. */
@FunctionalInterface
public interface LeadZones {

    /** {@code recordedZone} and {@code phone} may be null. */
    ZoneId zoneOf(ZoneId recordedZone, String phone);
}
