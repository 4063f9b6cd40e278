package no.overdosevarsel.dispatch.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;

/** Reads stored alert versions for the feeds; the only place feeds touch the database. */
interface AlertHistorySource {

    /**
     * Every version of each alert that has not ended, or ended after {@code endedAfter} (a cancellation sent, or an
     * expiry passed, after it).
     */
    List<List<AlertEvent>> notEndedBefore(Instant endedAfter);

    /** Every stored version of one alert, oldest first; empty if there is none. */
    List<AlertEvent> history(UUID alertId);
}
