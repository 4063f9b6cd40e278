package no.overdosevarsel.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandaloneOptionsTests {

    @Test
    void defaultsToTheDataDirectoryHereAndTheWellKnownPorts() {
        var options = StandaloneOptions.parse(new String[0], Map.of());

        assertThat(options.infrastructure().dataDirectory()).isEqualTo(Path.of("./data"));
        assertThat(options.infrastructure().kafkaPort()).isEqualTo(9092);
        assertThat(options.infrastructure().kafkaControllerPort()).isEqualTo(9093);
        assertThat(options.infrastructure().postgresPort()).isNull();
        assertThat(options.infrastructure().externalDatabase()).isNull();
        assertThat(options)
                .extracting(
                        StandaloneOptions::ingestPort,
                        StandaloneOptions::subscriberPort,
                        StandaloneOptions::dispatchPort)
                .containsExactly(8081, 8082, 8083);
    }

    @Test
    void takesACommandLineOptionOverItsEnvironmentVariable() {
        var options = StandaloneOptions.parse(
                new String[] {"--data-dir=/srv/overdosevarsel"},
                Map.of("OVERDOSEVARSEL_DATA_DIR", "/tmp/ignored", "KAFKA_PORT", "19092"));

        assertThat(options.infrastructure().dataDirectory()).isEqualTo(Path.of("/srv/overdosevarsel"));
        assertThat(options.infrastructure().kafkaPort()).isEqualTo(19092);
    }

    @Test
    void usesAConfiguredDatasourceInsteadOfTheEmbeddedPostgres() {
        var options = StandaloneOptions.parse(
                new String[] {"--datasource-url=jdbc:postgresql://db:5432/overdosevarsel"},
                Map.of("OVERDOSEVARSEL_DATASOURCE_USERNAME", "app", "OVERDOSEVARSEL_DATASOURCE_PASSWORD", "secret"));

        assertThat(options.infrastructure().externalDatabase())
                .isEqualTo(new StandaloneInfrastructure.ExternalDatabase(
                        "jdbc:postgresql://db:5432/overdosevarsel", "app", "secret"));
        assertThat(options.infrastructure().externalDatabase()).asString().doesNotContain("secret");
    }

    @Test
    void handsEveryOtherPropertyToTheApps() {
        var options = StandaloneOptions.parse(
                new String[] {"--kafka-port=19092", "--logging.level.no.overdosevarsel=debug", "--debug"}, Map.of());

        assertThat(options.appArguments()).containsExactly("--logging.level.no.overdosevarsel=debug", "--debug");
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        // Kubernetes and Docker links set KAFKA_PORT=tcp://host:port for a service named kafka
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StandaloneOptions.parse(new String[0], Map.of("KAFKA_PORT", "tcp://10.0.0.1:9092")))
                .withMessageContaining("KAFKA_PORT")
                .withMessageContaining("must be a port number");
    }

    @Test
    void rejectsAnArgumentThatIsNoOption() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StandaloneOptions.parse(new String[] {"data-dir=/srv"}, Map.of()))
                .withMessageContaining("--name=value");
    }
}
