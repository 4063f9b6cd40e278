package no.overdosevarsel.ingest.alert.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import no.overdosevarsel.ingest.IngestIntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrencyIntegrationTests extends IngestIntegrationTestSupport {

    private AlertApi kari;
    private AlertApi ola;

    @BeforeEach
    void signIn() {
        kari = new AlertApi(as(KARI));
        ola = new AlertApi(as(OLA));
    }

    @Test
    void retryingACreateWithTheSameIdempotencyKeyReturnsTheSameDraftAndStoresOne() {
        String marker = "marker-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        long before = count("alerts");

        AlertApi.Answer first = kari.create(AlertRequests.valid(marker), key).expect(201);
        AlertApi.Answer retry = kari.create(AlertRequests.valid(marker), key).expect(201);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.etag()).isEqualTo(first.etag());
        assertThat(count("alerts")).isEqualTo(before + 1);
    }

    @Test
    void concurrentRetriesWithTheSameIdempotencyKeyCreateOneDraft() throws Exception {
        String marker = "marker-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        long before = count("alerts");

        List<AlertApi.Answer> answers = race(
                () -> kari.create(AlertRequests.valid(marker), key),
                () -> kari.create(AlertRequests.valid(marker), key));

        assertThat(answers).extracting(AlertApi.Answer::status).containsOnly(201);
        assertThat(answers.get(0).id()).isEqualTo(answers.get(1).id());
        assertThat(count("alerts")).isEqualTo(before + 1);
    }

    @Test
    void reusingAnIdempotencyKeyForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        kari.create(AlertRequests.valid("marker-" + UUID.randomUUID()), key).expect(201);
        long before = count("alerts");

        AlertApi.Answer refused = kari.create(AlertRequests.valid("marker-" + UUID.randomUUID()), key)
                .expect(422);

        assertThat(refused.get("type")).isEqualTo(AlertApiIntegrationTests.problem("idempotency-key-reused"));
        assertThat(count("alerts")).isEqualTo(before);
    }

    @Test
    void theSameKeyFromAnotherCoordinatorIsTheirOwn() {
        String key = UUID.randomUUID().toString();
        String karis = kari.create(AlertRequests.valid("marker-" + UUID.randomUUID()), key)
                .expect(201)
                .id();
        String olas = ola.create(AlertRequests.valid("marker-" + UUID.randomUUID()), key)
                .expect(201)
                .id();

        assertThat(olas).isNotEqualTo(karis);
    }

    @Test
    void twoCoordinatorsEditingTheSameDraftAtOnceCannotOverwriteEachOther() throws Exception {
        String id = kari.create(AlertRequests.valid("marker-" + UUID.randomUUID()))
                .expect(201)
                .id();
        String etag = kari.get(id).etag();
        Map<String, Object> karisEdit = AlertRequests.valid("kari's edit");
        Map<String, Object> olasEdit = AlertRequests.valid("ola's edit");

        List<AlertApi.Answer> answers = race(() -> kari.edit(id, etag, karisEdit), () -> ola.edit(id, etag, olasEdit));

        assertThat(answers).extracting(AlertApi.Answer::status).containsExactlyInAnyOrder(200, 412);
        AlertApi.Answer loser =
                answers.stream().filter(a -> a.status() == 412).findFirst().orElseThrow();
        assertThat(loser.get("type")).isEqualTo(AlertApiIntegrationTests.problem("stale-revision"));
        AlertApi.Answer winner =
                answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
        assertThat(kari.get(id).body()).isEqualTo(winner.body()).containsEntry("revision", 2);
    }

    @Test
    void anEditBasedOnAnOldRevisionIsRefused() {
        String id = kari.create(AlertRequests.valid("marker-" + UUID.randomUUID()))
                .expect(201)
                .id();
        String first = kari.get(id).etag();
        kari.edit(id, first, AlertRequests.valid("first edit")).expect(200);

        ola.edit(id, first, AlertRequests.valid("based on the original")).expect(412);
        kari.act(id, "submit").expect(200);
        assertThat(kari.get(id).body().get("draft").toString()).contains("first edit");
    }

    @Test
    void anEditWithoutIfMatchIsRefused() {
        String id = kari.create(AlertRequests.valid("marker-" + UUID.randomUUID()))
                .expect(201)
                .id();

        AlertApi.Answer refused =
                kari.edit(id, null, AlertRequests.valid("blind edit")).expect(428);

        assertThat(refused.get("type")).isEqualTo(AlertApiIntegrationTests.problem("precondition-required"));
        assertThat(kari.get(id).body()).containsEntry("revision", 1);
    }

    /** Runs both calls at the same moment, as two people pressing "save" together would. */
    @SafeVarargs
    private static List<AlertApi.Answer> race(java.util.function.Supplier<AlertApi.Answer>... calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<AlertApi.Answer>> futures = java.util.Arrays.stream(calls)
                .map(call -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return call.get();
                }))
                .toList();
        start.countDown();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
