package dev.paas.runtime.environment;

import dev.paas.problems.InvalidInput;

/** Environment variables that break a rule (400); nothing was changed. The detail never carries a value. */
class InvalidVariables extends InvalidInput {

    InvalidVariables(String where, String problem) {
        super(where, problem);
    }
}
