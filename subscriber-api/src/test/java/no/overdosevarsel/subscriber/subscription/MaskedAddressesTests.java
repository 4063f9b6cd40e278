package no.overdosevarsel.subscriber.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import no.overdosevarsel.contracts.subscription.Channel;
import org.junit.jupiter.api.Test;

class MaskedAddressesTests {

    @Test
    void aNumberKeepsItsCountryCodeFirstDigitsAndLastTwo() {
        assertThat(MaskedAddresses.mask(Channel.SMS, "+4791234567")).isEqualTo("+4791****67");
        assertThat(MaskedAddresses.mask(Channel.SMS, "+46701234567")).isEqualTo("+46701****67");
    }

    @Test
    void anEmailAddressKeepsItsFirstCharacterAndDomain() {
        assertThat(MaskedAddresses.mask(Channel.EMAIL, "kari.nordmann@gatehospitalet.no"))
                .isEqualTo("k***@gatehospitalet.no");
    }

    @Test
    void somethingTooShortToMaskPartlyIsMaskedWhole() {
        assertThat(MaskedAddresses.mask(Channel.SMS, "+471234")).isEqualTo("*******");
    }
}
