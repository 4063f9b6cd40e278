package no.overdosevarsel.ingest.coordinator;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code coordinators} table. */
@Repository
class CoordinatorRepository {

    private static final String COLUMNS = "username, password_hash, roles, scope, enabled";

    private final JdbcClient jdbc;

    CoordinatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM coordinators WHERE username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(CoordinatorAccounts.Account account, String passwordHash, Instant now, String createdBy) {
        Coordinator coordinator = account.coordinator();
        jdbc.sql("""
                INSERT INTO coordinators (username, password_hash, roles, scope, enabled, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        coordinator.username(),
                        passwordHash,
                        coordinator.roles().stream().map(Role::name).sorted().toArray(String[]::new),
                        coordinator.scope().toArray(String[]::new),
                        account.enabled(),
                        now.atOffset(ZoneOffset.UTC),
                        createdBy)
                .update();
    }

    Optional<CoordinatorAccounts.Account> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM coordinators WHERE username = ?")
                .param(username)
                .query((rs, n) -> new CoordinatorAccounts.Account(coordinator(rs), rs.getBoolean("enabled")))
                .optional();
    }

    Optional<CoordinatorAccounts.Credentials> credentials(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM coordinators WHERE username = ? AND enabled")
                .param(username)
                .query((rs, n) -> new CoordinatorAccounts.Credentials(coordinator(rs), rs.getString("password_hash")))
                .optional();
    }

    List<CoordinatorAccounts.Account> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM coordinators ORDER BY username")
                .query((rs, n) -> new CoordinatorAccounts.Account(coordinator(rs), rs.getBoolean("enabled")))
                .list();
    }

    boolean disable(String username) {
        return jdbc.sql("UPDATE coordinators SET enabled = false WHERE username = ?")
                        .param(username)
                        .update()
                > 0;
    }

    private static Coordinator coordinator(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(
                Arrays.stream(strings(rs.getArray("roles"))).map(Role::valueOf).collect(Collectors.toSet()));
        return new Coordinator(rs.getString("username"), roles, List.of(strings(rs.getArray("scope"))));
    }

    static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
