package no.overdosevarsel.ingest.alert;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When one coordinator may publish an Extreme alert alone: outside office hours, when a second coordinator may not be
 * reachable in time. Inside office hours four eyes always apply.
 *
 * @param enabled whether the exception exists at all
 * @param officeDays the working days; on other days the exception applies all day
 * @param officeStart start of office hours on a working day (local time in {@code zone})
 * @param officeEnd end of office hours on a working day
 */
@ConfigurationProperties("overdosevarsel.alerts.solo-publishing")
record SoloPublishing(
        @DefaultValue("true") boolean enabled,

        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
        Set<DayOfWeek> officeDays,

        @DefaultValue("08:00") LocalTime officeStart,
        @DefaultValue("16:00") LocalTime officeEnd,
        @DefaultValue("Europe/Oslo") ZoneId zone) {

    SoloPublishing {
        officeDays = officeDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(officeDays));
        if (!officeEnd.isAfter(officeStart)) {
            throw new IllegalArgumentException(
                    "overdosevarsel.alerts.solo-publishing.office-end must be after office-start");
        }
    }

    boolean allowedAt(Instant when) {
        if (!enabled) {
            return false;
        }
        ZonedDateTime local = when.atZone(zone);
        boolean officeHours = officeDays.contains(local.getDayOfWeek())
                && !local.toLocalTime().isBefore(officeStart)
                && local.toLocalTime().isBefore(officeEnd);
        return !officeHours;
    }
}
