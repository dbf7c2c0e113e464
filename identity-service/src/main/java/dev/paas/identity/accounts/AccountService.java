package dev.paas.identity.accounts;

import dev.paas.identity.audit.Actor;
import dev.paas.identity.audit.AuditActions;
import dev.paas.identity.audit.AuditLog;
import dev.paas.ids.UuidV7;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers accounts, checks passwords and lets admins change roles and disable accounts. The first account
 * becomes admin; the platform never loses its last enabled admin. Both decisions are taken under one advisory
 * lock, so two registrations at the same moment cannot both become the first. Accounts registered with an email
 * listed in {@code paas.identity.admin-emails} become admins too: a way for operators to name administrators up
 * front (and for test runs to have one), honoured only at registration.
 */
@Service
public class AccountService {

    private final Accounts accounts;
    private final Passwords passwords;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<String> adminEmails;

    AccountService(Accounts accounts, Passwords passwords, AuditLog audit, ApplicationEventPublisher events,
            @Value("${paas.identity.admin-emails:}") String adminEmails) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
        this.clock = Clock.systemUTC();
        this.adminEmails = Stream.of(adminEmails.split(",")).map(Emails::normalise).filter(e -> !e.isBlank())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Registers an account that signs in with a password. */
    @Transactional
    public Account register(String email, String password, String clientIp) {
        String normalised = validEmail(email);
        Passwords.problemWith(password).ifPresent(problem -> {
            throw new InvalidInput("password", problem);
        });
        Account account = create(normalised, passwords.hash(password));
        audit.record(account.id(), account.email(), AuditActions.ACCOUNT_REGISTERED, account.id().toString(),
                clientIp, Map.of("method", "password", "role", account.role().value()));
        return account;
    }

    /**
     * Registers an account that signs in through an external provider (GitHub) and has no password.
     *
     * @throws EmailTakenException when an account already has this email
     */
    @Transactional
    public Account registerExternal(String email) {
        Account account = create(validEmail(email), null);
        audit.record(account.id(), account.email(), AuditActions.ACCOUNT_REGISTERED, account.id().toString(), null,
                Map.of("method", "github", "role", account.role().value()));
        return account;
    }

    public Optional<Account> findById(UUID id) {
        return accounts.findById(id);
    }

    public Optional<Account> findByEmail(String email) {
        return accounts.findByEmail(Emails.normalise(email));
    }

    public Account get(UUID id) {
        return accounts.findById(id).orElseThrow(() -> new NotFound("user", id));
    }

    public List<Account> all() {
        return accounts.findAllByOrderByCreatedAt();
    }

    /**
     * The account whose password this is, or empty; disabled accounts are returned too (the caller decides).
     * Takes one password hash computation whether or not the account exists.
     */
    public Optional<Account> authenticate(String email, String password) {
        Optional<Account> account = accounts.findByEmail(Emails.normalise(email));
        boolean matches = passwords.matches(password, account.map(Account::passwordHash).orElse(null));
        return matches ? account : Optional.empty();
    }

    @Transactional
    public Account changeRole(UUID id, String role, Actor actor) {
        Role wanted = Role.parse(role)
                .orElseThrow(() -> new InvalidInput("role", "must be 'admin' or 'user'"));
        accounts.lockAdminDecisions();
        Account account = accounts.findByIdForUpdate(id).orElseThrow(() -> new NotFound("user", id));
        Role previous = account.role();
        if (account.changeRole(wanted, accounts.countEnabledAdminsOtherThan(id))) {
            accounts.update(account);
            audit.record(actor, AuditActions.ROLE_CHANGED, account.id().toString(),
                    Map.of("email", account.email(), "from", previous.value(), "to", wanted.value()));
        }
        return account;
    }

    @Transactional
    public Account disable(UUID id, Actor actor) {
        accounts.lockAdminDecisions();
        Account account = accounts.findByIdForUpdate(id).orElseThrow(() -> new NotFound("user", id));
        if (account.disable(accounts.countEnabledAdminsOtherThan(id))) {
            accounts.update(account);
            events.publishEvent(new AccountDisabled(account.id()));
            audit.record(actor, AuditActions.USER_DISABLED, account.id().toString(),
                    Map.of("email", account.email()));
        }
        return account;
    }

    @Transactional
    public Account enable(UUID id, Actor actor) {
        Account account = accounts.findByIdForUpdate(id).orElseThrow(() -> new NotFound("user", id));
        if (account.enable()) {
            accounts.update(account);
            audit.record(actor, AuditActions.USER_ENABLED, account.id().toString(),
                    Map.of("email", account.email()));
        }
        return account;
    }

    private static String validEmail(String email) {
        String normalised = Emails.normalise(email);
        Emails.problemWith(normalised).ifPresent(problem -> {
            throw new InvalidInput("email", problem);
        });
        return normalised;
    }

    private Account create(String email, String passwordHash) {
        accounts.lockAdminDecisions();
        if (accounts.existsByEmail(email)) {
            throw new EmailTakenException();
        }
        Role role = accounts.any() && !adminEmails.contains(email) ? Role.USER : Role.ADMIN;
        Account account = new Account(UuidV7.next(), email, passwordHash, role, false, clock.instant());
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException e) {
            throw new EmailTakenException();
        }
        return account;
    }
}
