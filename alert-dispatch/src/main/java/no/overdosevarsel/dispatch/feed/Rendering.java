package no.overdosevarsel.dispatch.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A rendered document with what HTTP caches need: a strong ETag (a hash of the bytes) and a Last-Modified time.
 * Spring MVC answers a matching {@code If-None-Match} or {@code If-Modified-Since} with 304 from these headers.
 *
 * @param lastModified the last time the content changed, whole seconds (HTTP dates have no finer resolution)
 */
public record Rendering(byte[] body, MediaType contentType, String etag, Instant lastModified) {

    public static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    public static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    public static final MediaType CAP = MediaType.parseMediaType("application/cap+xml;charset=UTF-8");
    public static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    public static Rendering of(byte[] body, MediaType contentType, Instant lastModified) {
        return new Rendering(body, contentType, etagOf(body), lastModified.truncatedTo(ChronoUnit.SECONDS));
    }

    public static Rendering of(String body, MediaType contentType, Instant lastModified) {
        return of(body.getBytes(StandardCharsets.UTF_8), contentType, lastModified);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    Rendering withLastModified(Instant when) {
        return new Rendering(body, contentType, etag, when.truncatedTo(ChronoUnit.SECONDS));
    }

    public ResponseEntity<byte[]> toResponse(CacheControl cacheControl, String... varyBy) {
        return ResponseEntity.ok()
                .contentType(contentType)
                .eTag(etag)
                .lastModified(lastModified)
                .cacheControl(cacheControl)
                .varyBy(varyBy)
                .body(body);
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
