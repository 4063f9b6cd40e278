package no.overdosevarsel.subscriber.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import no.overdosevarsel.platform.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refused request gets the same RFC 9457 problem as every other error, in the client's language. There is no login
 * to point to (yet), so anonymous and authenticated callers both get 403.
 */
final class DeniedProblemHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final HttpStatus STATUS = HttpStatus.FORBIDDEN;

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    DeniedProblemHandler(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        write(request, response);
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException {
        write(request, response);
    }

    private void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.type("http-" + STATUS.value()).toString());
        problem.put("title", messages.getMessage("problem.http-403.title", null, STATUS.getReasonPhrase(), locale));
        problem.put("status", STATUS.value());
        problem.put("detail", messages.getMessage("problem.http-403", null, "", locale));
        problem.put("instance", request.getRequestURI());
        response.setStatus(STATUS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
