package dev.paas.identity.github;

/** A GitHub sign-in or link that cannot finish; the message is shown to the user as it is. */
class GitHubSignInException extends RuntimeException {

    GitHubSignInException(String message) {
        super(message);
    }
}
