package dev.paas.problems;

/**
 * The caller's plan allows no more of something (403, title {@code Quota exceeded}): one more app, database or
 * instance than the plan gives. The detail names the limit and the plan
 * ({@code the free plan allows 3 apps; you have 3}); the members {@code limit}, {@code plan} and {@code allowed} say
 * the same for programs. Changes nothing.
 */
public class QuotaExceeded extends Forbidden {

    private final String limit;
    private final String plan;
    private final long allowed;

    /**
     * @param limit the limit's name as the plans API spells it ({@code maxApps}, {@code maxInstances})
     * @param plan the plan's name
     * @param allowed what the plan allows
     * @param detail the sentence shown to the caller
     */
    public QuotaExceeded(String limit, String plan, long allowed, String detail) {
        super(detail);
        this.limit = limit;
        this.plan = plan;
        this.allowed = allowed;
    }

    public String limit() {
        return limit;
    }

    public String plan() {
        return plan;
    }

    public long allowed() {
        return allowed;
    }
}
