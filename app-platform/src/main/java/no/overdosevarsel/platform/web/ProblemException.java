package no.overdosevarsel.platform.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error a client should see as an RFC 9457 problem: a stable type (the last path segment of the type URI), an HTTP
 * status, and a message key resolved in the client's language. Optional field errors map a field name to a message
 * key.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String messageKey;
    private final Object[] args;
    private final Map<String, String> fieldErrors;

    public ProblemException(HttpStatus status, String type, String messageKey, Object... args) {
        this(status, type, Map.of(), messageKey, args);
    }

    public ProblemException(
            HttpStatus status, String type, Map<String, String> fieldErrors, String messageKey, Object... args) {
        super(type + ": " + messageKey);
        this.status = status;
        this.type = type;
        this.messageKey = messageKey;
        this.args = args.clone();
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "problem.not-found", what);
    }
}
