package no.overdosevarsel.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneAppsTests {

    @Test
    void sendsSmsAndEmailToTheLocalOutboxWhenNoProviderIsSetUp() {
        assertThat(StandaloneApps.localOutboxUnlessConfigured(Map.of(), List.of()))
                .containsEntry("overdosevarsel.sms.provider", "local")
                .containsEntry("overdosevarsel.email.provider", "local");
    }

    @Test
    void leavesTheRealProvidersToDispatchOnceTheyAreSetUp() {
        assertThat(StandaloneApps.localOutboxUnlessConfigured(
                        Map.of("TWILIO_ACCOUNT_SID", "AC123"), List.of("--spring.mail.host=smtp.example.org")))
                .isEmpty();
    }

    @Test
    void pointsLinksInMessagesAtThePortsTheAppsRunOn() {
        var options = StandaloneOptions.parse(
                new String[] {"--dispatch-port=9083", "--subscriber-port=9082", "--ingest-port=9081"}, Map.of());

        assertThat(StandaloneApps.linksUnlessConfigured(options, Map.of()))
                .containsEntry("overdosevarsel.links.public-base-url", "http://localhost:9083")
                .containsEntry("overdosevarsel.links.subscriber-base-url", "http://localhost:9082")
                .containsEntry("overdosevarsel.identity.authorization-server.issuer", "http://localhost:9081")
                .containsEntry("spring.security.oauth2.resourceserver.jwt.issuer-uri", "http://localhost:9081");
    }

    @Test
    void keepsLinksThePersonRunningItSetsForAPublicAddress() {
        var options = StandaloneOptions.parse(
                new String[] {"--overdosevarsel.links.public-base-url=https://varsel.example.no"}, Map.of());

        assertThat(StandaloneApps.linksUnlessConfigured(
                        options,
                        Map.of(
                                "SUBSCRIBER_BASE_URL",
                                "https://abonnement.example.no",
                                "OVERDOSEVARSEL_IDENTITY_ISSUER_URI",
                                "https://helseid.example.no")))
                .isEmpty();
    }

    @Test
    void subscriberApisSigningSecretIsMadeOnceAndKeptForItsOwnerOnly(@TempDir Path data) throws Exception {
        Path file = data.resolve(StandaloneApps.TOKEN_SECRET_FILE);

        String first = StandaloneApps.persistentSecret(file);
        String again = StandaloneApps.persistentSecret(file);

        assertThat(again).as("the same after a restart").isEqualTo(first);
        assertThat(Base64.getDecoder().decode(first)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(StandaloneApps.persistentSecret(data.resolve("elsewhere/secret")))
                .isNotEqualTo(first);
    }
}
