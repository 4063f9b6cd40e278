package no.overdosevarsel.testinfra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for the Twilio Messages API (the one thing tests cannot reach), served by WireMock on loopback. The
 * real Twilio SDK talks HTTP to it. By default every message is accepted with 201 and a fresh SID; tests can make it
 * answer with Twilio's error responses instead.
 */
public final class TwilioStub implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    public static final String AUTH_TOKEN = "test-auth-token-not-a-secret";

    private static final String MESSAGES = "/2010-04-01/Accounts/[^/]+/Messages.json";

    private final WireMockServer server;

    public TwilioStub() {
        server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().containerThreads(32));
        server.start();
        acceptAll();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Every message is accepted, as Twilio does: 201 with a new SID, status queued. */
    public void acceptAll() {
        server.resetMappings();
        server.stubFor(post(urlPathMatching(MESSAGES)).willReturn(accepted()));
    }

    /** Answers the first {@code times} requests with the given status and Twilio error code, then accepts. */
    public void failThenAccept(int times, int status, int twilioCode) {
        server.resetMappings();
        server.resetScenarios();
        for (int i = 0; i < times; i++) {
            server.stubFor(post(urlPathMatching(MESSAGES))
                    .inScenario("failing")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
                    .willReturn(error(status, twilioCode))
                    .willSetStateTo("failed-" + (i + 1)));
        }
        server.stubFor(post(urlPathMatching(MESSAGES))
                .inScenario("failing")
                .whenScenarioStateIs("failed-" + times)
                .willReturn(accepted()));
    }

    /** How many requests the stub accepted with 201 (rather than answering with an error). */
    public long acceptedCount() {
        return server.getAllServeEvents().stream()
                .filter(event -> event.getResponse().getStatus() == 201)
                .count();
    }

    /** Answers every request with the given status and Twilio error code. */
    public void failAlways(int status, int twilioCode) {
        server.resetMappings();
        server.stubFor(post(urlPathMatching(MESSAGES)).willReturn(error(status, twilioCode)));
    }

    /** Every message request received so far, oldest first, as form fields (To, From, Body, StatusCallback …). */
    public List<Map<String, String>> messages() {
        List<Map<String, String>> messages = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlPathMatching(MESSAGES)))) {
            messages.add(form(request.getBodyAsString()));
        }
        return messages;
    }

    /** The bodies of messages sent to one number. */
    public List<String> bodiesTo(String number) {
        return messages().stream()
                .filter(m -> number.equals(m.get("To")))
                .map(m -> m.get("Body"))
                .toList();
    }

    public void reset() {
        server.resetRequests();
        server.resetScenarios();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"sid": "SM{{randomValue length=32 type='HEXADECIMAL' uppercase=false}}",
                         "account_sid": "%s", "status": "queued", "num_segments": "1",
                         "api_version": "2010-04-01", "direction": "outbound-api"}
                        """.formatted(ACCOUNT_SID))
                .withTransformers("response-template");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, int code) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"code": %d, "message": "stubbed Twilio error %d", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}
                        """.formatted(code, code, code, status));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }
}
