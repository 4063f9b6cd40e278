package no.overdosevarsel.subscriber.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.region.UnknownRegionException;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.ContactPoint;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import org.junit.jupiter.api.Test;

class SubscriberTests {

    private static final Instant REGISTERED = Instant.parse("2026-03-02T10:15:30Z");
    private static final Instant VERIFIED = REGISTERED.plusSeconds(60);

    private final RegionCatalogue catalogue = RegionCatalogue.norway();

    @Test
    void aNewSubscriberIsActiveAtRevisionOneAndReachesNoOneUntilVerified() {
        Subscriber subscriber = Subscriber.register(request(), catalogue, REGISTERED);

        SubscriptionEvent snapshot = subscriber.snapshot("token");

        assertThat(snapshot.revision()).isEqualTo(1);
        assertThat(snapshot.status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(snapshot.contactPoints()).isEmpty();
        assertThat(snapshot.regions()).containsExactly("0301", "NO-46");
        assertThat(snapshot.language()).isEqualTo("en");
        assertThat(snapshot.minimumSeverity()).isEqualTo(Severity.Severe);
        assertThat(snapshot.updatedAt()).isEqualTo(REGISTERED);
        assertThat(subscriber.pendingVerification()).containsExactly(Channel.SMS, Channel.EMAIL);
    }

    @Test
    void storesAddressesNormalised() {
        Subscriber subscriber = Subscriber.register(request(), catalogue, REGISTERED);

        assertThat(subscriber.contacts())
                .extracting(Contact::address)
                .containsExactly("+4791234567", "Kari@example.no");
    }

    @Test
    void verifyingAContactPointPutsItInTheNextSnapshotAtTheNextRevision() {
        Subscriber subscriber = Subscriber.register(request(), catalogue, REGISTERED);

        assertThat(subscriber.markVerified(Channel.SMS, VERIFIED)).isTrue();

        SubscriptionEvent snapshot = subscriber.snapshot("token");
        assertThat(snapshot.revision()).isEqualTo(2);
        assertThat(snapshot.updatedAt()).isEqualTo(VERIFIED);
        assertThat(snapshot.contactPoints()).containsExactly(new ContactPoint(Channel.SMS, "+4791234567"));
        assertThat(subscriber.pendingVerification()).containsExactly(Channel.EMAIL);
    }

    @Test
    void verifyingTwiceChangesNothingTheSecondTime() {
        Subscriber subscriber = Subscriber.register(request(), catalogue, REGISTERED);
        subscriber.markVerified(Channel.SMS, VERIFIED);

        assertThat(subscriber.markVerified(Channel.SMS, VERIFIED.plusSeconds(5)))
                .isFalse();

        assertThat(subscriber.revision()).isEqualTo(2);
        assertThat(subscriber.updatedAt()).isEqualTo(VERIFIED);
    }

    @Test
    void anOptedOutContactPointIsLeftOutOfTheSnapshotEvenIfVerified() {
        Subscriber registered = Subscriber.register(request(), catalogue, REGISTERED);
        List<Contact> contacts = registered.contacts().stream()
                .map(c -> new Contact(
                        c.id(),
                        c.channel(),
                        c.address(),
                        REGISTERED,
                        VERIFIED,
                        c.channel() == Channel.SMS ? VERIFIED : null,
                        null))
                .toList();
        Subscriber subscriber = new Subscriber(
                registered.id(),
                registered.name(),
                null,
                Language.NB,
                Severity.Minor,
                SubscriberStatus.ACTIVE,
                3,
                registered.regions(),
                contacts,
                REGISTERED,
                VERIFIED);

        assertThat(subscriber.snapshot("token").contactPoints())
                .containsExactly(new ContactPoint(Channel.EMAIL, "Kari@example.no"));
    }

    @Test
    void deactivatingStopsEverythingOnceAndRaisesTheRevision() {
        Subscriber subscriber = Subscriber.register(request(), catalogue, REGISTERED);
        subscriber.markVerified(Channel.SMS, VERIFIED);

        assertThat(subscriber.deactivate(VERIFIED.plusSeconds(60))).isTrue();
        assertThat(subscriber.snapshot("token").status()).isEqualTo(SubscriberStatus.INACTIVE);
        assertThat(subscriber.revision()).isEqualTo(3);
        assertThat(subscriber.deactivate(VERIFIED.plusSeconds(120))).isFalse();
        assertThat(subscriber.revision()).isEqualTo(3);
    }

    @Test
    void refusesInputThatValidationShouldHaveRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Subscriber.register(
                        new NewSubscriber(
                                "Kari", null, Map.of(Channel.SMS, "123"), List.of("0301"), Language.NB, Severity.Minor),
                        catalogue,
                        REGISTERED));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Subscriber.register(
                        new NewSubscriber("Kari", null, Map.of(), List.of("0301"), Language.NB, Severity.Minor),
                        catalogue,
                        REGISTERED));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Subscriber.register(
                        new NewSubscriber(
                                "Kari",
                                null,
                                Map.of(Channel.SMS, "91234567"),
                                List.of("9999"),
                                Language.NB,
                                Severity.Minor),
                        catalogue,
                        REGISTERED))
                .isInstanceOf(UnknownRegionException.class);
    }

    private static NewSubscriber request() {
        return new NewSubscriber(
                " Kari Nordmann ",
                "Kirkens Bymisjon",
                Map.of(Channel.EMAIL, "Kari@Example.NO", Channel.SMS, "912 34 567"),
                List.of("0301", "no-46", "0301"),
                Language.EN,
                Severity.Severe);
    }

    @Test
    void optingOutANumberLeavesItOutOfTheSnapshotAndStartBringsItBack() {
        Subscriber subscriber = Subscriber.register(request(), catalogue, REGISTERED);
        subscriber.markVerified(Channel.SMS, VERIFIED);

        assertThat(subscriber.optOut(Channel.SMS, "+4791234567", VERIFIED.plusSeconds(1)))
                .isTrue();
        assertThat(subscriber.snapshot("token").contactPoints()).isEmpty();
        assertThat(subscriber.revision()).isEqualTo(3);
        assertThat(subscriber.optOut(Channel.SMS, "+4791234567", VERIFIED.plusSeconds(2)))
                .as("again: nothing changes")
                .isFalse();
        assertThat(subscriber.revision()).isEqualTo(3);

        assertThat(subscriber.resume(Channel.SMS, "+4791234567", VERIFIED.plusSeconds(3)))
                .isTrue();
        assertThat(subscriber.snapshot("token").contactPoints())
                .containsExactly(new ContactPoint(Channel.SMS, "+4791234567"));
        assertThat(subscriber.revision()).isEqualTo(4);
    }

    @Test
    void resumingNeverVerifiesAnAddressThatWasNotConfirmed() {
        Subscriber subscriber = Subscriber.register(request(), catalogue, REGISTERED);
        subscriber.optOut(Channel.EMAIL, VERIFIED);

        assertThat(subscriber.resume(Channel.EMAIL, "Kari@example.no", VERIFIED.plusSeconds(1)))
                .isFalse();
        assertThat(subscriber.markVerified(Channel.EMAIL, VERIFIED.plusSeconds(2)))
                .isTrue();
        assertThat(subscriber.snapshot("token").contactPoints())
                .as("verified but still opted out")
                .isEmpty();
    }

    @Test
    void anUndeliverableAddressLeavesTheSnapshot() {
        Subscriber subscriber = Subscriber.register(request(), catalogue, REGISTERED);
        subscriber.markVerified(Channel.SMS, VERIFIED);
        subscriber.markVerified(Channel.EMAIL, VERIFIED);

        assertThat(subscriber.markUndeliverable(Channel.EMAIL, "Kari@example.no", VERIFIED.plusSeconds(1)))
                .isTrue();

        assertThat(subscriber.snapshot("token").contactPoints())
                .containsExactly(new ContactPoint(Channel.SMS, "+4791234567"));
        assertThat(subscriber.markUndeliverable(Channel.EMAIL, "other@example.no", VERIFIED.plusSeconds(2)))
                .isFalse();
    }

    @Test
    void aKeywordSubscriberHasNoNameOneRegionAndAPendingNumber() {
        Subscriber subscriber = Subscriber.byKeyword("+4791234567", catalogue.require("5501"), Language.NB, REGISTERED);

        assertThat(subscriber.name()).isNull();
        assertThat(subscriber.regions()).containsExactly("5501");
        assertThat(subscriber.pendingVerification()).containsExactly(Channel.SMS);
        assertThat(subscriber.snapshot("token").contactPoints()).isEmpty();
    }
}
