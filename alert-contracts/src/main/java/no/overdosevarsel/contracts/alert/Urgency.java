package no.overdosevarsel.contracts.alert;

/** CAP urgency. */
public enum Urgency {
    Immediate,
    Expected,
    Future,
    Past,
    Unknown
}
