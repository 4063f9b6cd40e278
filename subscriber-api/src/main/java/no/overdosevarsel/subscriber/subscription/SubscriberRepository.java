package no.overdosevarsel.subscriber.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Subscribers with their regions and contact points, in the tables {@code subscriber}, {@code subscriber_region} and
 * {@code contact_point}.
 */
@Repository
class SubscriberRepository {

    private final JdbcClient jdbc;

    SubscriberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Subscriber subscriber) {
        jdbc.sql("""
                        INSERT INTO subscriber (id, name, organisation, language, minimum_severity, status, revision,
                                                created_at, updated_at)
                        VALUES (:id, :name, :organisation, :language, :minimumSeverity, :status, :revision,
                                :createdAt, :updatedAt)
                        """)
                .param("id", subscriber.id().value())
                .param("name", subscriber.name())
                .param("organisation", subscriber.organisation())
                .param("language", subscriber.language().code())
                .param("minimumSeverity", subscriber.minimumSeverity().name())
                .param("status", subscriber.status().name())
                .param("revision", subscriber.revision())
                .param("createdAt", timestamp(subscriber.createdAt()))
                .param("updatedAt", timestamp(subscriber.updatedAt()))
                .update();
        for (String region : subscriber.regions()) {
            jdbc.sql("INSERT INTO subscriber_region (subscriber_id, region_code) VALUES (:id, :region)")
                    .param("id", subscriber.id().value())
                    .param("region", region)
                    .update();
        }
        for (Contact contact : subscriber.contacts()) {
            jdbc.sql("""
                            INSERT INTO contact_point (id, subscriber_id, channel, address, created_at, verified_at,
                                                       opted_out_at, undeliverable_at)
                            VALUES (:id, :subscriberId, :channel, :address, :createdAt, :verifiedAt, :optedOutAt,
                                    :undeliverableAt)
                            """)
                    .param("id", contact.id())
                    .param("subscriberId", subscriber.id().value())
                    .param("channel", contact.channel().name())
                    .param("address", contact.address())
                    .param("createdAt", timestamp(contact.createdAt()))
                    .param("verifiedAt", timestamp(contact.verifiedAt()))
                    .param("optedOutAt", timestamp(contact.optedOutAt()))
                    .param("undeliverableAt", timestamp(contact.undeliverableAt()))
                    .update();
        }
    }

    /** The subscriber, locked until the transaction ends so that concurrent changes cannot interleave. */
    Optional<Subscriber> findForUpdate(SubscriberId id) {
        return jdbc.sql("""
                        SELECT id, name, organisation, language, minimum_severity, status, revision, created_at,
                               updated_at
                        FROM subscriber WHERE id = :id FOR UPDATE
                        """)
                .param("id", id.value())
                .query((rs, n) -> new Row(
                        rs.getString("name"),
                        rs.getString("organisation"),
                        Language.of(rs.getString("language")).orElseThrow(),
                        Severity.valueOf(rs.getString("minimum_severity")),
                        SubscriberStatus.valueOf(rs.getString("status")),
                        rs.getLong("revision"),
                        instant(rs, "created_at"),
                        instant(rs, "updated_at")))
                .optional()
                .map(row -> new Subscriber(
                        id,
                        row.name(),
                        row.organisation(),
                        row.language(),
                        row.minimumSeverity(),
                        row.status(),
                        row.revision(),
                        regionsOf(id),
                        contactsOf(id),
                        row.createdAt(),
                        row.updatedAt()));
    }

    /** Stores what a subscriber's state changes can change: preferences, status, revision, contact point states. */
    void update(Subscriber subscriber) {
        jdbc.sql("""
                        UPDATE subscriber
                        SET status = :status, revision = :revision, updated_at = :updatedAt, language = :language,
                            minimum_severity = :minimumSeverity
                        WHERE id = :id
                        """)
                .param("language", subscriber.language().code())
                .param("minimumSeverity", subscriber.minimumSeverity().name())
                .param("status", subscriber.status().name())
                .param("revision", subscriber.revision())
                .param("updatedAt", timestamp(subscriber.updatedAt()))
                .param("id", subscriber.id().value())
                .update();
        for (Contact contact : subscriber.contacts()) {
            jdbc.sql("""
                            UPDATE contact_point
                            SET verified_at = :verifiedAt, opted_out_at = :optedOutAt,
                                undeliverable_at = :undeliverableAt
                            WHERE id = :id
                            """)
                    .param("verifiedAt", timestamp(contact.verifiedAt()))
                    .param("optedOutAt", timestamp(contact.optedOutAt()))
                    .param("undeliverableAt", timestamp(contact.undeliverableAt()))
                    .param("id", contact.id())
                    .update();
        }
        List<String> stored = regionsOf(subscriber.id());
        if (!stored.equals(subscriber.regions())) {
            jdbc.sql("DELETE FROM subscriber_region WHERE subscriber_id = :id")
                    .param("id", subscriber.id().value())
                    .update();
            for (String region : subscriber.regions()) {
                jdbc.sql("INSERT INTO subscriber_region (subscriber_id, region_code) VALUES (:id, :region)")
                        .param("id", subscriber.id().value())
                        .param("region", region)
                        .update();
            }
        }
    }

    /** Every subscriber with a contact point at this address, in id order (the order to lock them in). */
    List<SubscriberId> idsWithAddress(Channel channel, String address) {
        return jdbc.sql("""
                        SELECT DISTINCT subscriber_id FROM contact_point
                        WHERE channel = :channel AND address = :address
                        ORDER BY subscriber_id
                        """)
                .param("channel", channel.name())
                .param("address", address)
                .query((rs, n) -> new SubscriberId(rs.getObject("subscriber_id", UUID.class)))
                .list();
    }

    /** The subscriber whose contact point at this address was added last and still waits for verification. */
    Optional<SubscriberId> latestPendingWithAddress(Channel channel, String address) {
        return jdbc.sql("""
                        SELECT subscriber_id FROM contact_point
                        WHERE channel = :channel AND address = :address AND verified_at IS NULL
                          AND opted_out_at IS NULL
                        ORDER BY created_at DESC LIMIT 1
                        """)
                .param("channel", channel.name())
                .param("address", address)
                .query((rs, n) -> new SubscriberId(rs.getObject("subscriber_id", UUID.class)))
                .optional();
    }

    /** The language of whichever of these subscribers changed last. */
    Optional<Language> languageOfLatest(List<SubscriberId> ids) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT language FROM subscriber WHERE id IN (:ids) ORDER BY updated_at DESC LIMIT 1")
                .param("ids", ids.stream().map(SubscriberId::value).toList())
                .query(String.class)
                .optional()
                .flatMap(Language::of);
    }

    /** Deletes the subscriber and, by cascade, its regions, contact points and codes. */
    boolean delete(SubscriberId id) {
        return jdbc.sql("DELETE FROM subscriber WHERE id = :id")
                        .param("id", id.value())
                        .update()
                == 1;
    }

    List<String> regionsOf(SubscriberId id) {
        return jdbc.sql("SELECT region_code FROM subscriber_region WHERE subscriber_id = :id ORDER BY region_code")
                .param("id", id.value())
                .query(String.class)
                .list();
    }

    private List<Contact> contactsOf(SubscriberId id) {
        return jdbc.sql("""
                        SELECT id, channel, address, created_at, verified_at, opted_out_at, undeliverable_at
                        FROM contact_point WHERE subscriber_id = :id
                        """)
                .param("id", id.value())
                .query((rs, n) -> new Contact(
                        rs.getObject("id", UUID.class),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("address"),
                        instant(rs, "created_at"),
                        nullableInstant(rs, "verified_at"),
                        nullableInstant(rs, "opted_out_at"),
                        nullableInstant(rs, "undeliverable_at")))
                .list();
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant instant = nullableInstant(rs, column);
        if (instant == null) {
            throw new IllegalStateException(column + " is null");
        }
        return instant;
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Row(
            @Nullable String name,
            @Nullable String organisation,
            Language language,
            Severity minimumSeverity,
            SubscriberStatus status,
            long revision,
            Instant createdAt,
            Instant updatedAt) {}
}
