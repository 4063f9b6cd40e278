package no.overdosevarsel.dispatch.feed;

/** Where an alert stands for the public at a given moment. */
public enum AlertState {
    /** Published and neither cancelled nor past its expiry (it may not be effective yet). */
    ACTIVE,
    /** Its latest version is a cancellation. */
    CANCELLED,
    /** Past its expiry without being cancelled. */
    EXPIRED
}
