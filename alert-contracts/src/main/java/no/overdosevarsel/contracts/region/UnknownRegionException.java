package no.overdosevarsel.contracts.region;

import java.io.Serial;

/** A region code that is not in the catalogue. */
public final class UnknownRegionException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String code;

    public UnknownRegionException(String code) {
        super("Unknown region code '" + code
                + "': use NO, a county code NO-03…NO-56 or a four-digit municipality number");
        this.code = code;
    }

    /** The code as it was given, untrimmed, so that an error message can quote the caller's input. */
    public String code() {
        return code;
    }
}
