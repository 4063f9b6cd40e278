package no.overdosevarsel.ingest.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.Certainty;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.alert.Urgency;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.ingest.alert.AlertRefusedException.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AlertTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00.123456Z");
    private static final Instant SENT = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration VALIDITY = Duration.ofDays(14);
    private static final RegionCatalogue CATALOGUE = RegionCatalogue.norway();
    private static final AlertText BOKMAL = new AlertText(
            "Nitazener i heroin",
            "Heroin med nitazener i Oslo",
            "Brunt pulver solgt som heroin",
            List.of("Ikke bruk alene", "Ha nalokson tilgjengelig"),
            "Ring 113 ved overdose");
    private static final AlertText ENGLISH = new AlertText(
            "Nitazenes in heroin",
            "Heroin with nitazenes in Oslo",
            "Brown powder sold as heroin",
            List.of("Do not use alone", "Have naloxone at hand"),
            null);

    private final Alert alert = Alert.draft(AlertId.random(), content(null, null, List.of("0301"), null), "kari", NOW);

    @Test
    void aNewDraftIsUnpublishedAndRecordedAsCreated() {
        assertThat(alert.publication()).isEqualTo(Publication.NOT_PUBLISHED);
        assertThat(alert.review()).isEqualTo(Review.DRAFT);
        assertThat(alert.versions()).isEmpty();
        assertThat(alert.changes()).extracting(Alert.Change::action).containsExactly("CREATED");
    }

    @Test
    void approvalBySomeoneElsePublishesTheFirstVersionAsAnActualAlertInForceForTheDefaultValidity() {
        alert.submit("kari");

        AlertEvent first = alert.approve("ola", NOW, VALIDITY, CATALOGUE);

        assertThat(first.version()).isOne();
        assertThat(first.msgType()).isEqualTo(MsgType.Alert);
        assertThat(first.status()).isEqualTo(AlertStatus.Actual);
        assertThat(first.sender()).isEqualTo("ola");
        assertThat(first.sent()).as("CAP times have whole seconds").isEqualTo(SENT);
        assertThat(first.effective()).isEqualTo(SENT);
        assertThat(first.expires()).isEqualTo(SENT.plus(VALIDITY));
        assertThat(first.references()).isEmpty();
        assertThat(alert.publication()).isEqualTo(Publication.PUBLISHED);
        assertThat(alert.review()).isEqualTo(Review.NONE);
        assertThat(alert.draft()).isNull();
        assertThat(alert.newVersions()).containsExactly(first);
    }

    @Test
    void theAuthorOrTheSubmitterCannotApprove() {
        alert.edit(content(null, null, List.of("0301"), ENGLISH), "lise");
        alert.submit("ola");

        assertRefused(() -> alert.approve("kari", NOW, VALIDITY, CATALOGUE), Reason.SELF_APPROVAL);
        assertRefused(() -> alert.approve("lise", NOW, VALIDITY, CATALOGUE), Reason.SELF_APPROVAL);
        assertRefused(() -> alert.approve("ola", NOW, VALIDITY, CATALOGUE), Reason.SELF_APPROVAL);
        assertThat(alert.approve("per", NOW, VALIDITY, CATALOGUE).version()).isOne();
    }

    @Test
    void onlySubmittedContentCanBeApprovedOrRejected() {
        assertRefused(() -> alert.approve("ola", NOW, VALIDITY, CATALOGUE), Reason.INVALID_TRANSITION);
        assertRefused(() -> alert.reject("ola", "nei"), Reason.INVALID_TRANSITION);
    }

    @Test
    void editingSubmittedContentSendsItBackToDraft() {
        alert.submit("kari");

        alert.edit(content(null, null, List.of("0301", "NO-32"), null), "kari");

        assertThat(alert.review()).isEqualTo(Review.DRAFT);
        assertThat(alert.submittedBy()).isNull();
        assertRefused(() -> alert.approve("ola", NOW, VALIDITY, CATALOGUE), Reason.INVALID_TRANSITION);
    }

    @Test
    void anUpdateReferencesEveryEarlierVersionAndTheCancelReferencesAll() {
        alert.submit("kari");
        alert.approve("ola", NOW, VALIDITY, CATALOGUE);
        alert.edit(content(null, null, List.of("0301"), ENGLISH), "kari");
        alert.submit("kari");

        AlertEvent update = alert.approve("ola", NOW.plusSeconds(60), VALIDITY, CATALOGUE);
        AlertEvent cancel = alert.cancel("ola", "feil", NOW.plusSeconds(120));

        assertThat(update.msgType()).isEqualTo(MsgType.Update);
        assertThat(update.version()).isEqualTo(2);
        assertThat(update.references()).containsExactly(1);
        assertThat(update.info()).extracting(AlertInfo::language).containsExactly("nb", "en");
        assertThat(update.info("en").contact()).isEqualTo("Ring 113 ved overdose");
        assertThat(cancel.msgType()).isEqualTo(MsgType.Cancel);
        assertThat(cancel.references()).containsExactly(1, 2);
        assertThat(cancel.info()).isEqualTo(update.info());
        assertThat(alert.publication()).isEqualTo(Publication.CANCELLED);
        assertRefused(() -> alert.edit(content(null, null, List.of("0301"), null), "kari"), Reason.INVALID_TRANSITION);
        assertRefused(() -> alert.cancel("ola", null, NOW), Reason.INVALID_TRANSITION);
    }

    @Test
    void expiresOnlyOnceItsTimeIsUp() {
        alert.submit("kari");
        AlertEvent first = alert.approve("ola", NOW, VALIDITY, CATALOGUE);

        assertThat(alert.expireIfDue(first.expires().minusSeconds(1))).isFalse();
        assertThat(alert.expireIfDue(first.expires())).isTrue();
        assertThat(alert.publication()).isEqualTo(Publication.EXPIRED);
        assertThat(alert.expireIfDue(first.expires().plusSeconds(1))).isFalse();
        assertThat(alert.newVersions()).as("no new version on expiry").containsExactly(first);
    }

    @Test
    void onlyAnExtremeAlertMayBePublishedAloneAndTheReasonIsRecorded() {
        assertRefused(() -> alert.publishAlone("kari", "haster", NOW, VALIDITY, CATALOGUE), Reason.SOLO_NOT_ALLOWED);

        Alert extreme = Alert.draft(AlertId.random(), extreme(), "kari", NOW);
        AlertEvent first = extreme.publishAlone("kari", "ingen godkjenner svarer", NOW, VALIDITY, CATALOGUE);

        assertThat(first.sender()).isEqualTo("kari");
        assertThat(extreme.changes().getLast().action()).isEqualTo("PUBLISHED_BY_ONE_COORDINATOR");
        assertThat(extreme.changes().getLast().details()).containsEntry("reason", "ingen godkjenner svarer");
    }

    @Test
    void regionsAreKeptOnceEachInCatalogueForm() {
        Alert regions = Alert.draft(
                AlertId.random(), content(null, null, List.of("no-32", " 0301 ", "NO-32"), null), "kari", NOW);
        regions.submit("kari");

        assertThat(regions.approve("ola", NOW, VALIDITY, CATALOGUE).regions()).containsExactly("NO-32", "0301");
    }

    @Test
    void refusesToPublishWhatWouldAlreadyHaveExpired() {
        Alert late = Alert.draft(
                AlertId.random(),
                content(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(1)), List.of("0301"), null),
                "kari",
                NOW);
        late.submit("kari");

        assertRefused(() -> late.approve("ola", NOW, VALIDITY, CATALOGUE), Reason.INVALID_CONTENT);
        assertThat(late.publication()).isEqualTo(Publication.NOT_PUBLISHED);
    }

    @Test
    void aStaleRevisionIsRefused() {
        assertRefused(() -> alert.requireRevision(2), Reason.STALE);
        alert.requireRevision(1);
        alert.requireRevision(null);
    }

    @Test
    void auditOfAnEditNamesEachChangedFieldWithOldAndNewValue() {
        alert.edit(content(null, null, List.of("0301", "NO-32"), null), "ola");

        assertThat(alert.changes().getLast().details().get("changed"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("regions");
    }

    @Test
    void textRefusesAHeadlineTooLongForAnSmsAndAnEmptyAdviceList() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AlertText("e", "h".repeat(141), "d", List.of("råd"), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new AlertText("e", "h", "d", List.of(), null));
    }

    private static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOf(AlertRefusedException.class)
                .extracting(e -> ((AlertRefusedException) e).reason())
                .isEqualTo(reason);
    }

    private static NewAlert extreme() {
        NewAlert c = content(null, null, List.of("0301"), null);
        return new NewAlert(
                c.status(),
                Severity.Extreme,
                c.urgency(),
                c.certainty(),
                c.evidenceSource(),
                c.substances(),
                c.regions(),
                c.effective(),
                c.expires(),
                c.norwegian(),
                c.english(),
                c.web());
    }

    private static NewAlert content(
            @Nullable Instant effective, @Nullable Instant expires, List<String> regions, @Nullable AlertText english) {
        return new NewAlert(
                null,
                Severity.Severe,
                Urgency.Immediate,
                Certainty.Observed,
                EvidenceSource.DRUG_CHECKING,
                List.of("heroin"),
                regions,
                effective,
                expires,
                BOKMAL,
                english,
                null);
    }
}
