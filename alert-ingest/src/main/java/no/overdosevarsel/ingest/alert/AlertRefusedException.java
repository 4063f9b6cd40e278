package no.overdosevarsel.ingest.alert;

/**
 * An alert operation the rules do not allow. The reason says which rule; the message key and arguments say it to a
 * person in their language.
 */
public class AlertRefusedException extends RuntimeException {

    public enum Reason {
        NOT_FOUND,
        /** The coordinator lacks the role the operation needs. */
        ROLE,
        /** A region lies outside the coordinator's scope. */
        OUT_OF_SCOPE,
        /** Four eyes: the approver wrote or submitted the content. */
        SELF_APPROVAL,
        /** Publishing alone is not allowed now or not for this alert. */
        SOLO_NOT_ALLOWED,
        /** The operation does not fit the alert's state. */
        INVALID_TRANSITION,
        /** The client changed an older revision than the current one. */
        STALE,
        /** The content cannot be published as it is (e.g. it would already have expired). */
        INVALID_CONTENT,
        /** The Idempotency-Key was used before for a different request. */
        IDEMPOTENCY_KEY_REUSED
    }

    private final Reason reason;
    private final String messageKey;
    private final Object[] args;

    public AlertRefusedException(Reason reason, String messageKey, Object... args) {
        super(reason + ": " + messageKey);
        this.reason = reason;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
