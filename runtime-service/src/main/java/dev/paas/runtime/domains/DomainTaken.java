package dev.paas.runtime.domains;

import dev.paas.problems.Conflict;

/** The domain is already claimed, by this project or another; which other project is never told. */
class DomainTaken extends Conflict {

    DomainTaken(String detail) {
        super(detail);
    }
}
