package no.overdosevarsel.contracts.alert;

/** CAP certainty. */
public enum Certainty {
    Observed,
    Likely,
    Possible,
    Unlikely,
    Unknown
}
