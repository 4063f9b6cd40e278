package no.overdosevarsel.subscriber;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where this app is reached from outside: links in messages point here, and Twilio signs its webhook requests with the
 * URL under it. Behind a proxy it differs from the URL the server sees. alert-dispatch reads the same property for its
 * unsubscribe links ({@code {subscriberBaseUrl}/unsubscribe/{token}}).
 *
 * @param subscriberBaseUrl the public base URL of subscriber-api, without a trailing slash
 */
@ConfigurationProperties("overdosevarsel.links")
public record PublicLinks(
        @DefaultValue("http://localhost:8082") URI subscriberBaseUrl) {

    /** The public URL of a path of this app, with its variables expanded and encoded. */
    public URI to(String path, Object... variables) {
        return UriComponentsBuilder.fromUri(subscriberBaseUrl)
                .path(path)
                .buildAndExpand(variables)
                .encode()
                .toUri();
    }
}
