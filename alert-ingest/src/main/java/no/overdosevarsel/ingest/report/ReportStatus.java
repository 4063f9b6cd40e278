package no.overdosevarsel.ingest.report;

/** Where a concern report stands in triage. */
public enum ReportStatus {
    NEW,
    REVIEWING,
    DISMISSED,
    /** A coordinator started a draft alert from it. */
    TURNED_INTO_ALERT
}
