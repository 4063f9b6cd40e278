package no.overdosevarsel.contracts.alert;

/** CAP msgType of a published alert version. */
public enum MsgType {
    Alert,
    Update,
    Cancel
}
