package no.overdosevarsel.contracts.alert;

/** CAP status: only {@code Actual} alerts reach subscribers' phones and inboxes. */
public enum AlertStatus {
    Actual,
    Exercise,
    Test
}
