package dev.paas.fakegithub;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A user account at the fake GitHub; made by {@link FakeGitHub#addUser}. */
public final class GitHubUser {

    /** One address of the user as {@code GET /user/emails} lists it. */
    public record Email(String email, boolean primary, boolean verified) {
    }

    private final String login;
    private final long id;
    private final List<Email> emails = new CopyOnWriteArrayList<>();

    GitHubUser(String login, long id) {
        this.login = login;
        this.id = id;
    }

    public String login() {
        return login;
    }

    public long id() {
        return id;
    }

    public List<Email> emails() {
        return List.copyOf(emails);
    }

    /** The primary address, if the user has any. */
    public Optional<Email> primaryEmail() {
        return emails.stream().filter(Email::primary).findFirst();
    }

    /** Adds an address; the first one added becomes primary. */
    public GitHubUser addEmail(String email, boolean verified) {
        emails.add(new Email(email, emails.isEmpty(), verified));
        return this;
    }

    @Override
    public String toString() {
        return login + "#" + id;
    }
}
