package no.overdosevarsel.dispatch.page;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.dispatch.feed.PublishedAlerts;
import no.overdosevarsel.dispatch.feed.Rendering;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /varsel/{id}}: bokmål by default, English with {@code ?lang=en} or {@code Accept-Language: en}. An id
 * that is malformed or unknown gets a 404 page a person can read, not a problem document: people arrive here from a
 * link in a text message.
 */
@Controller
class AlertPageController {

    private static final CacheControl PAGE_CACHE =
            CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private final PublishedAlerts alerts;
    private final AlertPageRenderer renderer;

    AlertPageController(PublishedAlerts alerts, AlertPageRenderer renderer) {
        this.alerts = alerts;
        this.renderer = renderer;
    }

    @GetMapping("/varsel/{alertId}")
    ResponseEntity<byte[]> page(
            @PathVariable String alertId,
            @RequestParam(name = "lang", required = false) @Nullable String lang,
            Locale locale) {
        Locale language = language(lang, locale);
        Optional<Rendering> page = parse(alertId)
                .flatMap(id -> alerts.renderAlert(
                        id, "page:" + language.getLanguage(), alert -> renderer.page(alert, language)));
        if (page.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(Rendering.HTML)
                    .cacheControl(CacheControl.noCache())
                    .varyBy(HttpHeaders.ACCEPT_LANGUAGE)
                    .body(renderer.notFound(language).getBytes(StandardCharsets.UTF_8));
        }
        return page.get().toResponse(PAGE_CACHE, HttpHeaders.ACCEPT_LANGUAGE);
    }

    /** {@code ?lang=} first, then the locale Spring resolved from Accept-Language (bokmål unless English). */
    static Locale language(@Nullable String lang, Locale resolved) {
        String wanted = lang != null && !lang.isBlank() ? lang : resolved.getLanguage();
        return wanted.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : AlertPageRenderer.BOKMAL;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
