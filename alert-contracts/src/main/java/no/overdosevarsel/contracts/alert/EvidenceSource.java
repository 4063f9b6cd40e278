package no.overdosevarsel.contracts.alert;

/** Where the evidence behind an alert came from. */
public enum EvidenceSource {
    DRUG_CHECKING,
    HOSPITAL,
    POLICE_SEIZURE,
    USER_REPORT,
    OTHER
}
