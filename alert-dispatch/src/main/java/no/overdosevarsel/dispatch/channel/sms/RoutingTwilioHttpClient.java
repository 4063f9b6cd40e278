package no.overdosevarsel.dispatch.channel.sms;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * The Twilio SDK's HTTP client with a connection pool sized for our concurrency and, for tests and local stubs only,
 * requests rerouted from {@code https://api.twilio.com} to another base URL (the SDK has no base-URL setting).
 */
final class RoutingTwilioHttpClient extends HttpClient {

    private final NetworkHttpClient delegate;
    private final @Nullable URI baseUrl;

    RoutingTwilioHttpClient(@Nullable URI baseUrl, int maxConnections) {
        this.baseUrl = baseUrl;
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
        RequestConfig config = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofSeconds(10))
                .setResponseTimeout(Timeout.ofSeconds(30))
                .build();
        this.delegate = new NetworkHttpClient(HttpClientBuilder.create()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(config)
                // Apache's client would silently retry 429 and 503; retries are ours to decide, with backoff.
                .disableAutomaticRetries()
                .useSystemProperties());
    }

    @Override
    public Response makeRequest(Request request) {
        return delegate.makeRequest(baseUrl == null ? request : reroute(request, baseUrl));
    }

    private static Request reroute(Request original, URI baseUrl) {
        URL url = original.constructURL();
        String target = baseUrl.toString().replaceAll("/+$", "") + url.getPath();
        Request copy = new Request(original.getMethod(), target);
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        copy.setContentType(original.getContentType());
        if (original.getBody() != null) {
            copy.setBody(original.getBody());
        }
        copyParams(original.getPostParams(), copy::addPostParam);
        copyParams(original.getQueryParams(), copy::addQueryParam);
        copyParams(original.getHeaderParams(), copy::addHeaderParam);
        return copy;
    }

    private static void copyParams(
            Map<String, List<String>> params, java.util.function.BiConsumer<String, String> target) {
        params.forEach((name, values) -> values.forEach(value -> target.accept(name, value)));
    }
}
