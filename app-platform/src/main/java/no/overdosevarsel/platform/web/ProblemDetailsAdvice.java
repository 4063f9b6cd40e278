package no.overdosevarsel.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem with a stable type URI, a title and detail in the client's language (bokmål by
 * default, English on request), and field-level errors where input was invalid. Never a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;

    ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = ProblemDetail.forStatus(e.status());
        body.setType(Problems.type(e.type()));
        body.setTitle(text("problem." + e.type() + ".title", locale, e.status().getReasonPhrase()));
        body.setDetail(text(e.messageKey(), locale, e.messageKey(), e.args()));
        if (!e.fieldErrors().isEmpty()) {
            List<Map<String, String>> errors = new ArrayList<>();
            e.fieldErrors().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> errors.add(Map.of(
                            "field", entry.getKey(), "message", text(entry.getValue(), locale, entry.getValue()))));
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(e.status()).body(body);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = validationProblem(locale);
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .sorted(Comparator.comparing(m -> m.get("field")))
                .toList();
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        body.setType(Problems.type("internal"));
        body.setTitle(text("problem.internal.title", locale, "Internal error"));
        body.setDetail(text("problem.internal", locale, "Something went wrong on our side."));
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = validationProblem(locale);
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", messages.getMessage(error, locale)));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(Map.of("field", "", "message", messages.getMessage(error, locale))));
        errors.sort(Comparator.comparing(m -> m.get("field")));
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        body.setType(Problems.type("unreadable"));
        body.setTitle(text("problem.unreadable.title", locale, "Unreadable request"));
        body.setDetail(text("problem.unreadable", locale, "The request body is not valid JSON of the expected shape."));
        return ResponseEntity.badRequest().headers(headers).body(body);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            problem.setType(Problems.type("http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ProblemDetail validationProblem(Locale locale) {
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        body.setType(Problems.type("validation"));
        body.setTitle(text("problem.validation.title", locale, "Invalid input"));
        body.setDetail(text("problem.validation", locale, "Some fields are invalid; see errors."));
        return body;
    }

    private String text(String key, Locale locale, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }
}
