package no.overdosevarsel.dispatch.web;

import java.net.URI;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where links in messages point.
 *
 * @param publicBaseUrl base of dispatch's public pages and feeds
 * @param subscriberBaseUrl base of subscriber-api's pages (unsubscribe, self-service)
 */
@ConfigurationProperties("overdosevarsel.links")
public record PublicLinks(
        @DefaultValue("http://localhost:8083") URI publicBaseUrl,
        @DefaultValue("http://localhost:8082") URI subscriberBaseUrl) {

    public String alertPage(UUID alertId) {
        return UriComponentsBuilder.fromUri(publicBaseUrl)
                .path("/varsel/{id}")
                .buildAndExpand(alertId)
                .toUriString();
    }

    public String feed(String region, String extension) {
        return UriComponentsBuilder.fromUri(publicBaseUrl)
                .path("/feeds/{region}.{ext}")
                .buildAndExpand(region, extension)
                .toUriString();
    }

    /** RFC 8058 one-click target: a POST with no login, authorised by the signed token alone. */
    public String unsubscribe(String token) {
        return UriComponentsBuilder.fromUri(subscriberBaseUrl)
                .path("/unsubscribe/{token}")
                .buildAndExpand(token)
                .toUriString();
    }
}
