package no.overdosevarsel.dispatch.alert;

import no.overdosevarsel.contracts.alert.AlertEvent;

/**
 * Published inside the transaction that stored (or re-saw) an alert version: feeds refresh after it commits, before
 * the fan-out starts ({@link AlertVersionCommitted}). {@code firstTime} is false when a redelivered record brought a
 * version already stored.
 */
public record AlertVersionStored(AlertEvent alert, boolean firstTime) {}
