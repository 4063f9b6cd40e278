package no.overdosevarsel.dispatch.alert;

import no.overdosevarsel.contracts.alert.AlertEvent;

/**
 * Published inside the transaction that stored (or re-saw) an alert version: fan-out runs in that same transaction,
 * feeds refresh after it commits. {@code firstTime} is false when a redelivered record brought a version already
 * stored.
 */
public record AlertVersionStored(AlertEvent alert, boolean firstTime) {}
