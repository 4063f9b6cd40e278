package no.overdosevarsel.dispatch.report;

/** Why a coordinator does not get a delivery report. */
public final class ReportRefusedException extends RuntimeException {

    public enum Reason {
        /** No such alert (or version) has reached dispatch. */
        NOT_FOUND,
        /** None of the alert's regions overlaps the coordinator's scope. */
        OUT_OF_SCOPE
    }

    private final Reason reason;

    ReportRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
