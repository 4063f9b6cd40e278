package no.overdosevarsel.contracts.alert;

/** CAP severity, from the least to the most severe, so that {@code compareTo} orders by seriousness. */
public enum Severity {
    Minor,
    Moderate,
    Severe,
    Extreme;

    public boolean meets(Severity threshold) {
        return compareTo(threshold) >= 0;
    }
}
