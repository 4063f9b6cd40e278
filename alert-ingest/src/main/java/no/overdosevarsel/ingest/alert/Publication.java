package no.overdosevarsel.ingest.alert;

/** What the public sees of an alert. */
public enum Publication {
    /** Still a draft: never published. */
    NOT_PUBLISHED,
    /** In force (a version was published and it has neither expired nor been cancelled). */
    PUBLISHED,
    /** Withdrawn with a CAP Cancel. */
    CANCELLED,
    /** Its {@code expires} has passed. */
    EXPIRED
}
