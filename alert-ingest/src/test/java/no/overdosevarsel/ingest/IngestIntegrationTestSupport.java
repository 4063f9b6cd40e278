package no.overdosevarsel.ingest;

import no.overdosevarsel.testinfra.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The one application context every integration test of alert-ingest shares: the app on a random port with its own
 * Kafka broker and PostgreSQL database. Keep the annotations here and nowhere else, so the context is started once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "overdosevarsel.security.coordinator-password=" + IngestIntegrationTestSupport.PASSWORD,
            "overdosevarsel.outbox.poll-interval=100ms"
        })
@RealInfrastructure
public abstract class IngestIntegrationTestSupport {

    public static final String COORDINATOR = "coordinator";

    /** Only ever used against the throw-away app these tests start. */
    public static final String PASSWORD = "integration-tests-only";

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Environment environment;

    /** A client without credentials. */
    protected RestTestClient anonymous() {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** A client signed in as the built-in coordinator. */
    protected RestTestClient coordinator() {
        return RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(COORDINATOR, PASSWORD))
                .build();
    }

    /** The records on the {@code alerts} topic of the broker this context publishes to. */
    protected AlertsTopic alertsTopic() {
        return new AlertsTopic(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    protected long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
