package no.overdosevarsel.ingest.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SoloPublishingTests {

    private final SoloPublishing weekdays = new SoloPublishing(
            true,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0),
            LocalTime.of(16, 0),
            ZoneId.of("Europe/Oslo"));

    @Test
    void isRefusedDuringOfficeHoursInOsloTime() {
        // Friday 27 November 2026, 08:00 and 15:59 in Oslo (UTC+1)
        assertThat(weekdays.allowedAt(Instant.parse("2026-11-27T07:00:00Z"))).isFalse();
        assertThat(weekdays.allowedAt(Instant.parse("2026-11-27T14:59:00Z"))).isFalse();
    }

    @Test
    void isAllowedAtNightAndAtWeekends() {
        assertThat(weekdays.allowedAt(Instant.parse("2026-11-27T06:59:00Z"))).isTrue();
        assertThat(weekdays.allowedAt(Instant.parse("2026-11-27T15:00:00Z"))).isTrue();
        assertThat(weekdays.allowedAt(Instant.parse("2026-11-28T11:00:00Z")))
                .as("Saturday")
                .isTrue();
    }

    @Test
    void isNeverAllowedWhenSwitchedOff() {
        SoloPublishing off = new SoloPublishing(
                false, EnumSet.noneOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(16, 0), ZoneId.of("UTC"));

        assertThat(off.allowedAt(Instant.parse("2026-11-28T02:00:00Z"))).isFalse();
    }
}
