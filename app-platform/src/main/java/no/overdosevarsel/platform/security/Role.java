package no.overdosevarsel.platform.security;

/** What a coordinator may do. Roles do not imply each other: an approver who also drafts has both. */
public enum Role {
    /** Drafts, edits and submits alerts, triages concern reports. */
    COORDINATOR,
    /** Approves (publishes), rejects and cancels alerts written by others. */
    APPROVER,
    /** Manages coordinator accounts. */
    ADMIN
}
