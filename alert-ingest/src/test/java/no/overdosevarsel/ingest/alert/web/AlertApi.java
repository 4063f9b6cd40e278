package no.overdosevarsel.ingest.alert.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.overdosevarsel.ingest.IngestIntegrationTestSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The alert API as a coordinator's client uses it, one signed-in client per coordinator. */
final class AlertApi {

    /** What came back: status, ETag and the JSON body (an alert or a problem). */
    record Answer(int status, @Nullable String etag, Map<String, Object> body) {

        Answer expect(int expected) {
            assertThat(status).as("status of %s", body).isEqualTo(expected);
            return this;
        }

        String id() {
            return (String) body.get("id");
        }

        Object get(String key) {
            return body.get(key);
        }
    }

    private final RestTestClient client;

    AlertApi(RestTestClient client) {
        this.client = client;
    }

    Answer create(Map<String, Object> request) {
        return create(request, null);
    }

    Answer create(Map<String, Object> request, @Nullable String idempotencyKey) {
        return answer(client.post()
                .uri("/api/alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(request)
                .exchange()
                .returnResult(IngestIntegrationTestSupport.JSON_OBJECT));
    }

    Answer get(String id) {
        return answer(client.get()
                .uri("/api/alerts/{id}", id)
                .exchange()
                .returnResult(IngestIntegrationTestSupport.JSON_OBJECT));
    }

    Answer edit(String id, @Nullable String ifMatch, Map<String, Object> request) {
        return answer(client.put()
                .uri("/api/alerts/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .body(request)
                .exchange()
                .returnResult(IngestIntegrationTestSupport.JSON_OBJECT));
    }

    /** submit, approve, reject, publish-alone or cancel; a reason where the action takes one. */
    Answer act(String id, String action, @Nullable String reason) {
        var spec = client.post().uri("/api/alerts/{id}/{action}", id, action);
        if (reason != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason));
        }
        return answer(spec.exchange().returnResult(IngestIntegrationTestSupport.JSON_OBJECT));
    }

    Answer act(String id, String action) {
        return act(id, action, null);
    }

    List<Map<String, Object>> audit(String id) {
        return client.get()
                .uri("/api/alerts/{id}/audit", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(IngestIntegrationTestSupport.JSON_ARRAY)
                .returnResult()
                .getResponseBody();
    }

    List<Map<String, Object>> list(String query) {
        return client.get()
                .uri("/api/alerts?" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(IngestIntegrationTestSupport.JSON_ARRAY)
                .returnResult()
                .getResponseBody();
    }

    private static Answer answer(EntityExchangeResult<Map<String, Object>> result) {
        Map<String, Object> body = result.getResponseBody();
        return new Answer(
                result.getStatus().value(), result.getResponseHeaders().getETag(), body == null ? Map.of() : body);
    }
}
