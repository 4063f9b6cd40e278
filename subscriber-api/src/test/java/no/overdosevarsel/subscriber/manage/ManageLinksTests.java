package no.overdosevarsel.subscriber.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.subscriber.security.Signer;
import no.overdosevarsel.subscriber.subscription.SubscriberId;
import org.junit.jupiter.api.Test;

class ManageLinksTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Signer SIGNER =
            new Signer("a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));
    private static final SubscriberId KARI = new SubscriberId(UUID.fromString("0b6f0c1e-3f0a-4a55-9d7e-1a2b3c4d5e6f"));
    private static final SubscriberId OLA = new SubscriberId(UUID.fromString("1c7a1d2f-4a1b-4b66-8e8f-2b3c4d5e6f70"));

    @Test
    void aTokenStandsForItsSubscribersUntilItExpires() {
        String token = token(NOW.plus(Duration.ofMinutes(30)), KARI + "," + OLA);

        assertThat(links(NOW).subscribersOf(token)).contains(List.of(KARI, OLA));
        assertThat(links(NOW.plus(Duration.ofMinutes(30))).subscribersOf(token)).isEmpty();
    }

    @Test
    void anAlteredOrForeignTokenStandsForNobody() {
        String token = token(NOW.plus(Duration.ofMinutes(30)), KARI.toString());
        String unsubscribeToken =
                SIGNER.sign("unsubscribe", "v1|" + NOW.plusSeconds(60).getEpochSecond() + "|" + KARI);

        assertThat(links(NOW).subscribersOf(token.replace('.', 'x'))).isEmpty();
        assertThat(links(NOW).subscribersOf(token.substring(0, token.length() - 2)))
                .isEmpty();
        assertThat(links(NOW).subscribersOf(unsubscribeToken))
                .as("made for another purpose")
                .isEmpty();
        assertThat(links(NOW).subscribersOf(SIGNER.sign(ManageLinks.PURPOSE, "v1|soon|" + KARI)))
                .isEmpty();
        assertThat(links(NOW).subscribersOf(SIGNER.sign(ManageLinks.PURPOSE, "v2|9999999999|" + KARI)))
                .isEmpty();
    }

    private static String token(Instant expiresAt, String ids) {
        return SIGNER.sign(ManageLinks.PURPOSE, "v1|" + expiresAt.getEpochSecond() + "|" + ids);
    }

    /** Only what reading a token needs. */
    private static ManageLinks links(Instant now) {
        return new ManageLinks(
                null,
                SIGNER,
                null,
                null,
                null,
                new ManageLinkProperties(Duration.ofMinutes(30)),
                Clock.fixed(now, ZoneOffset.UTC));
    }
}
