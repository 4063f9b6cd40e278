package no.overdosevarsel.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import no.overdosevarsel.testinfra.TwilioStub;

/**
 * The Twilio Messages API stub of the tests ({@link TwilioStub}: WireMock on loopback, same URL pattern, same 201 body
 * with a fresh SID, same 32 container threads), with two differences a benchmark needs: the request journal is off, so
 * a million messages are not kept in this JVM's heap, and a listener counts the 201s instead of scanning the journal.
 */
final class CountingTwilioStub implements AutoCloseable {

    private static final String MESSAGES = "/2010-04-01/Accounts/[^/]+/Messages.json";

    private final Acceptances acceptances = new Acceptances();
    private final WireMockServer server;

    CountingTwilioStub() {
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(32)
                .disableRequestJournal()
                .extensions(new Counter(acceptances)));
        server.start();
        server.stubFor(post(urlPathMatching(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"sid": "SM{{randomValue length=32 type='HEXADECIMAL' uppercase=false}}",
                                 "account_sid": "%s", "status": "queued", "num_segments": "1",
                                 "api_version": "2010-04-01", "direction": "outbound-api"}
                                """.formatted(TwilioStub.ACCOUNT_SID))
                        .withTransformers("response-template")));
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    Acceptances acceptances() {
        return acceptances;
    }

    @Override
    public void close() {
        server.stop();
    }

    private record Counter(Acceptances acceptances) implements ServeEventListener {

        @Override
        public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
            if (serveEvent.getResponse().getStatus() == 201) {
                acceptances.accepted();
            }
        }

        @Override
        public String getName() {
            return "bench-counter";
        }
    }
}
