package no.overdosevarsel.dispatch.feed;

import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.platform.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feeds per region ({@code NO}, {@code NO-03}, {@code 0301}) and CAP documents per alert version. Conditional requests
 * ({@code If-None-Match}, {@code If-Modified-Since}) are answered with 304 from the rendering's ETag and Last-Modified.
 */
@RestController
class FeedController {

    private final PublishedAlerts alerts;
    private final RegionCatalogue regions;
    private final CacheControl cacheControl;

    FeedController(PublishedAlerts alerts, FeedProperties properties) {
        this.alerts = alerts;
        this.regions = RegionCatalogue.norway();
        this.cacheControl = CacheControl.maxAge(properties.maxAge()).cachePublic();
    }

    @GetMapping("/feeds/{region}.rss")
    ResponseEntity<byte[]> rss(@PathVariable String region) {
        return feed(region, FeedFormat.RSS);
    }

    @GetMapping("/feeds/{region}.atom")
    ResponseEntity<byte[]> atom(@PathVariable String region) {
        return feed(region, FeedFormat.ATOM);
    }

    @GetMapping("/feeds/{region}.cap.atom")
    ResponseEntity<byte[]> capIndex(@PathVariable String region) {
        return feed(region, FeedFormat.CAP_INDEX);
    }

    @GetMapping("/cap/{alertId}.xml")
    ResponseEntity<byte[]> currentCap(@PathVariable String alertId) {
        return cap(alertId, null);
    }

    @GetMapping("/cap/{alertId}/{version}.xml")
    ResponseEntity<byte[]> capVersion(@PathVariable String alertId, @PathVariable String version) {
        Integer number = version.matches("[1-9][0-9]{0,8}") ? Integer.valueOf(version) : null;
        if (number == null) {
            throw ProblemException.notFound(alertId + "/" + version);
        }
        return cap(alertId, number);
    }

    private ResponseEntity<byte[]> feed(String code, FeedFormat format) {
        Region region = regions.find(code).orElseThrow(() -> ProblemException.notFound(code));
        return alerts.regionFeed(region, format).toResponse(cacheControl);
    }

    private ResponseEntity<byte[]> cap(String alertId, @Nullable Integer version) {
        Optional<UUID> id = parse(alertId);
        return id.flatMap(found -> alerts.capDocument(found, version))
                .map(rendering -> rendering.toResponse(cacheControl))
                .orElseThrow(() -> ProblemException.notFound(version == null ? alertId : alertId + "/" + version));
    }

    static Optional<UUID> parse(String id) {
        try {
            return id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
