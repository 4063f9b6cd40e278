package no.overdosevarsel.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
