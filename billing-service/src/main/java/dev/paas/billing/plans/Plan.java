package dev.paas.billing.plans;

import java.time.Instant;
import java.util.UUID;

/**
 * A plan an account can be on: its limits and its price. An administrator revises it (the accounts on it get the new
 * limits at once and the new price from the next full hour), retires it (its accounts keep it, nobody new can choose
 * it) or, while no account is or was ever on it, deletes it.
 */
public final class Plan {

    private final UUID id;
    private String name;
    private PlanLimits limits;
    private PlanPrice price;
    private PlanStatus status;
    private final Instant createdAt;
    private Instant updatedAt;
    private final int version;

    Plan(UUID id, String name, PlanLimits limits, PlanPrice price, PlanStatus status, Instant createdAt,
            Instant updatedAt, int version) {
        this.id = id;
        this.name = name;
        this.limits = limits;
        this.price = price;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static Plan create(UUID id, PlanSpec spec, Instant at) {
        return new Plan(id, spec.name(), spec.limits(), spec.price(), PlanStatus.ACTIVE, at, at, 0);
    }

    /** Replaces name, limits and price; a retired plan can be revised too, for the accounts still on it. */
    void revise(PlanSpec spec, Instant at) {
        name = spec.name();
        limits = spec.limits();
        price = spec.price();
        updatedAt = at;
    }

    void retire(Instant at) {
        if (status == PlanStatus.RETIRED) {
            throw new PlanConflict("cannot retire plan " + name + ": it is RETIRED already");
        }
        status = PlanStatus.RETIRED;
        updatedAt = at;
    }

    /** Whether someone may choose it now. */
    public boolean isActive() {
        return status == PlanStatus.ACTIVE;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public PlanLimits limits() {
        return limits;
    }

    public PlanPrice price() {
        return price;
    }

    public PlanStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The optimistic-lock version it was read with. */
    int version() {
        return version;
    }
}
