package no.overdosevarsel.ingest.alert.web;

import java.util.function.Supplier;
import no.overdosevarsel.ingest.alert.AlertRefusedException;
import no.overdosevarsel.platform.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** The alert rules' refusals as problems: one stable type per rule. */
final class AlertProblems {

    private AlertProblems() {}

    static <T> T translate(Supplier<T> call) {
        try {
            return call.get();
        } catch (AlertRefusedException e) {
            throw toProblem(e);
        }
    }

    static ProblemException toProblem(AlertRefusedException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", e.messageKey(), e.args());
            case ROLE -> new ProblemException(HttpStatus.FORBIDDEN, "role-required", e.messageKey(), e.args());
            case OUT_OF_SCOPE -> new ProblemException(HttpStatus.FORBIDDEN, "out-of-scope", e.messageKey(), e.args());
            case SELF_APPROVAL -> new ProblemException(HttpStatus.FORBIDDEN, "self-approval", e.messageKey(), e.args());
            case SOLO_NOT_ALLOWED ->
                new ProblemException(HttpStatus.FORBIDDEN, "solo-publishing-not-allowed", e.messageKey(), e.args());
            case INVALID_TRANSITION ->
                new ProblemException(HttpStatus.CONFLICT, "invalid-transition", e.messageKey(), e.args());
            case STALE ->
                new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-revision", e.messageKey(), e.args());
            case INVALID_CONTENT ->
                new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unpublishable", e.messageKey(), e.args());
            case IDEMPOTENCY_KEY_REUSED ->
                new ProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", e.messageKey(), e.args());
        };
    }

    /**
     * The revision named by an {@code If-Match} header ({@code "3"}, {@code W/"3"}); null for none or {@code *}. A tag
     * that is no revision of ours can never match.
     */
    static @Nullable Integer revision(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String etag(int revision) {
        return "\"" + revision + "\"";
    }
}
