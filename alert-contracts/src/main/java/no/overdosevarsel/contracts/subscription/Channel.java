package no.overdosevarsel.contracts.subscription;

/** A way to reach a person. */
public enum Channel {
    SMS,
    EMAIL
}
