package no.overdosevarsel.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.overdosevarsel.ingest.coordinator.CoordinatorAccounts;
import no.overdosevarsel.platform.security.Role;
import no.overdosevarsel.testinfra.RealInfrastructure;
import no.overdosevarsel.testinfra.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The one application context every integration test of alert-ingest shares: the app on a random port with its own
 * Kafka broker and PostgreSQL database. Keep the annotations here and nowhere else, so the context is started once.
 *
 * <p>The coordinators: {@link #KARI} drafts for Oslo and Akershus; {@link #OLA} drafts and approves nationwide;
 * {@link #PER} approves in Trøndelag only; {@link #LISE} drafts nationwide but may not approve. Office hours are
 * configured away, so that publishing alone is always allowed by the clock.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "overdosevarsel.security.admin-password=" + IngestIntegrationTestSupport.PASSWORD,
            "overdosevarsel.outbox.poll-interval=100ms",
            "overdosevarsel.alerts.expiry-check-interval=300ms",
            "overdosevarsel.alerts.solo-publishing.office-days=",
            "overdosevarsel.reports.rate-limit.per-client=3",
            "overdosevarsel.reports.rate-limit.period=1h",
            // every test signs in from 127.0.0.1, some with wrong passwords on purpose (SignInThrottleTests covers it)
            "overdosevarsel.identity.authorization-server.sign-in-max-failures=10000",
            // as behind a proxy: the client's address comes from X-Forwarded-For, so each test can be its own client
            "server.forward-headers-strategy=framework"
        })
@RealInfrastructure
public abstract class IngestIntegrationTestSupport {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};
    public static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY =
            new ParameterizedTypeReference<>() {};

    public static final String ADMIN = "admin";
    public static final String KARI = "kari";
    public static final String OLA = "ola";
    public static final String PER = "per";
    public static final String LISE = "lise";

    /** Only ever used against the throw-away app these tests start. */
    public static final String PASSWORD = "integration-tests-only";

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Environment environment;

    @Autowired
    private CoordinatorAccounts accounts;

    @BeforeEach
    void coordinatorsExist() {
        account(KARI, EnumSet.of(Role.COORDINATOR), List.of("NO-03", "NO-32"));
        account(OLA, EnumSet.of(Role.COORDINATOR, Role.APPROVER), List.of("NO"));
        account(PER, EnumSet.of(Role.COORDINATOR, Role.APPROVER), List.of("NO-50"));
        account(LISE, EnumSet.of(Role.COORDINATOR), List.of("NO"));
    }

    private void account(String username, EnumSet<Role> roles, List<String> scope) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, PASSWORD, roles, scope, "tests");
        }
    }

    /** A client without credentials. */
    protected RestTestClient anonymous() {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /**
     * A client signed in as one of the test coordinators: a bearer token from the embedded authorization server, got
     * through its sign-in page like a person would (authorization code with PKCE), kept for a few minutes.
     */
    protected RestTestClient as(String username) {
        String token = accessToken(username);
        return RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }

    /** An access token for a test coordinator, signed in afresh when the cached one is older than five minutes. */
    protected String accessToken(String username) {
        CachedToken cached = TOKENS.get(username + "@" + port);
        if (cached == null || cached.at().isBefore(Instant.now().minus(Duration.ofMinutes(5)))) {
            cached = new CachedToken(
                    SignIn.withPassword(baseUrl(), username, PASSWORD).accessToken(), Instant.now());
            TOKENS.put(username + "@" + port, cached);
        }
        return cached.token();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    private record CachedToken(String token, Instant at) {}

    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    /** The coordinator who drafts most alerts in these tests. */
    protected RestTestClient coordinator() {
        return as(KARI);
    }

    /** The records on the {@code alerts} topic of the broker this context publishes to. */
    protected AlertsTopic alertsTopic() {
        return new AlertsTopic(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    protected long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
