package dev.paas.billing.plans;

import dev.paas.problems.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A plan as an administrator describes it (create or replace). The web adapter checks the shape of every field;
 * this record keeps the rules that hold whoever calls.
 *
 * @param name lower-case, unique ({@code free}, {@code pro})
 * @param limits what an account on it may use
 * @param price what it costs
 */
public record PlanSpec(String name, PlanLimits limits, PlanPrice price) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public PlanSpec {
        name = name == null ? null : name.strip().toLowerCase(Locale.ROOT);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInput("name", "must be 1 to 40 lower-case letters, digits or '-', starting with a letter"
                    + " or digit");
        }
    }
}
