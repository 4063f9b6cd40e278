package no.overdosevarsel.ingest.alert;

/** The state of an alert's pending content: its first draft, or a proposed update of the published alert. */
public enum Review {
    /** Nothing pending. */
    NONE,
    /** Being written. */
    DRAFT,
    /** Waiting for a second coordinator. */
    SUBMITTED,
    /** Sent back with a reason; can be edited and submitted again. */
    REJECTED
}
