package com.jorge.platform.worker.state;

import com.jorge.platform.storage.ContactRecord;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Where a lead probably is, for quiet hours: from the location's (or contact's) zone and the phone. */
@FunctionalInterface
public interface LeadZones {

    /** {@code recordedZone} and {@code phone} may be null. */
    ZoneId zoneOf(ZoneId recordedZone, String phone);

    /** The zone for a stored contact (null when GHL never told us about it). */
    default ZoneId zoneOf(ContactRecord profile) {
        if (profile == null) return zoneOf(null, null);
        ZoneId recorded = null;
        if (profile.timeZone() != null) {
            try {
                recorded = ZoneId.of(profile.timeZone());
            } catch (DateTimeException e) {
                recorded = null; // a zone name GHL spelled differently: fall back to the phone
            }
        }
        return zoneOf(recorded, profile.phone());
    }
}
