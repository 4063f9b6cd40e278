package no.overdosevarsel.contracts.subscription;

/** Whether a subscriber receives anything at all. */
public enum SubscriberStatus {
    ACTIVE,
    INACTIVE
}
