package no.overdosevarsel.ingest.coordinator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local coordinator accounts: created by an administrator, passwords stored as bcrypt hashes only. */
@Service
public class CoordinatorAccounts {

    /** Shorter passwords are refused: these accounts can publish national health warnings. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CoordinatorRepository repository;
    private final PasswordEncoder encoder;
    private final RegionCatalogue catalogue;
    private final Clock clock;

    CoordinatorAccounts(
            CoordinatorRepository repository, PasswordEncoder encoder, RegionCatalogue catalogue, Clock clock) {
        this.repository = repository;
        this.encoder = encoder;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * Creates an account.
     *
     * @throws IllegalArgumentException for a blank name, a short password, no role, or a scope code not in the catalogue
     * @throws AccountExistsException if the username is taken
     */
    @Transactional
    public Account create(String username, String password, Set<Role> roles, List<String> scope, String createdBy) {
        String name = username.strip();
        if (name.isEmpty() || name.length() > 100 || name.contains(":")) {
            throw new IllegalArgumentException("username must be 1-100 characters without ':'");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        List<String> codes = scope.stream()
                .map(code -> catalogue.require(code).code())
                .distinct()
                .toList();
        if (repository.exists(name)) {
            throw new AccountExistsException(name);
        }
        Account account = new Account(new Coordinator(name, EnumSet.copyOf(roles), codes), true);
        repository.insert(account, encoder.encode(password), clock.instant(), createdBy);
        return account;
    }

    /** Whether any enabled administrator exists. */
    @Transactional(readOnly = true)
    public boolean hasAdministrator() {
        return repository.findAll().stream()
                .anyMatch(a -> a.enabled() && a.coordinator().has(Role.ADMIN));
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return repository.find(username);
    }

    /** The stored hash of an enabled account, for signing in. */
    @Transactional(readOnly = true)
    public Optional<Credentials> credentials(String username) {
        return repository.credentials(username);
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return repository.findAll();
    }

    /** Disables an account: it can no longer sign in. Accounts are never deleted, the audit log names them. */
    @Transactional
    public boolean disable(String username) {
        return repository.disable(username);
    }

    /** A password for a generated account: 24 URL-safe characters from a CSPRNG. */
    static String generatePassword() {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** An account as administrators see it: never with its password. */
    public record Account(Coordinator coordinator, boolean enabled) {}

    /** What signing in needs. */
    public record Credentials(Coordinator coordinator, String passwordHash) {}

    /** The username is taken. */
    public static class AccountExistsException extends RuntimeException {
        public AccountExistsException(String username) {
            super("account " + username + " exists");
        }
    }
}
