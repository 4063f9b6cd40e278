package no.overdosevarsel.ingest.alert.web;

import java.util.Map;

/** {@link AlertRequests} for tests of other features that post alerts. */
public final class AlertRequestsForOthers {

    private AlertRequestsForOthers() {}

    public static Map<String, Object> valid(String marker) {
        return AlertRequests.valid(marker);
    }
}
