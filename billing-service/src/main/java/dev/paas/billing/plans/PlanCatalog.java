package dev.paas.billing.plans;

import dev.paas.problems.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plans administrators manage. Every change is audited with its actor; a revision tells every account under
 * the plan its new limits at once, while a new price applies from the next full hour, so an hour already begun is
 * charged as it began.
 */
@Service
public class PlanCatalog {

    private final Plans plans;
    private final AccountPlanHistory history;
    private final PlanAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String defaultPlan;

    PlanCatalog(Plans plans, AccountPlanHistory history, PlanAudit audit, ApplicationEventPublisher events,
            ObjectProvider<Clock> clock, @Value("${paas.billing.default-plan:free}") String defaultPlan) {
        this.plans = plans;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.defaultPlan = defaultPlan;
    }

    /** Every plan, retired ones too, cheapest first. */
    public List<Plan> all() {
        return plans.all();
    }

    /** The plans users can choose, cheapest first. */
    public List<Plan> active() {
        return plans.active();
    }

    public Plan get(UUID id) {
        return plans.find(id).orElseThrow(() -> new NotFound("plan", id));
    }

    @Transactional
    public Plan create(PlanSpec spec, UUID actorId) {
        refuseTakenName(spec.name(), null);
        Instant now = clock.instant();
        Plan plan = Plan.create(UUID.randomUUID(), spec, now);
        plans.insert(plan);
        // from the hour it was created in: an account can choose it only from the next one anyway
        plans.priceFrom(plan.id(), now.truncatedTo(ChronoUnit.HOURS), plan.price());
        audit.record(plan.id(), plan.name(), PlanAuditEntry.Action.CREATED, actorId, now, plans.toJson(plan));
        return plan;
    }

    @Transactional
    public Plan revise(UUID id, PlanSpec spec, UUID actorId) {
        Plan plan = plans.lock(id).orElseThrow(() -> new NotFound("plan", id));
        if (plan.name().equals(defaultPlan) && !spec.name().equals(defaultPlan)) {
            throw new PlanConflict("cannot rename plan " + plan.name() + ": it is the default plan of new accounts"
                    + " (paas.billing.default-plan)");
        }
        refuseTakenName(spec.name(), id);
        Instant now = clock.instant();
        boolean newLimits = !plan.limits().equals(spec.limits()) || !plan.name().equals(spec.name());
        boolean newPrice = !plan.price().equals(spec.price());
        plan.revise(spec, now);
        plans.update(plan);
        if (newPrice) {
            plans.priceFrom(id, now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS), plan.price());
        }
        audit.record(id, plan.name(), PlanAuditEntry.Action.UPDATED, actorId, now, plans.toJson(plan));
        if (newLimits) {
            for (UUID userId : history.accountsUnder(id)) {
                events.publishEvent(new PlanEvents.LimitsChanged(userId, id, plan.name(), plan.limits()));
            }
        }
        return plan;
    }

    /** Takes the plan off the list users choose from; the accounts on it stay on it until they choose another. */
    @Transactional
    public Plan retire(UUID id, UUID actorId) {
        Plan plan = plans.lock(id).orElseThrow(() -> new NotFound("plan", id));
        if (plan.name().equals(defaultPlan)) {
            throw new PlanConflict("cannot retire plan " + plan.name() + ": it is the default plan of new accounts"
                    + " (paas.billing.default-plan)");
        }
        Instant now = clock.instant();
        plan.retire(now);
        plans.update(plan);
        audit.record(id, plan.name(), PlanAuditEntry.Action.RETIRED, actorId, now, plans.toJson(plan));
        return plan;
    }

    /**
     * Deletes a plan no account is or ever was on. One that is (or was: its charges name it) cannot be deleted, only
     * retired.
     */
    @Transactional
    public void delete(UUID id, UUID actorId) {
        Plan plan = plans.lock(id).orElseThrow(() -> new NotFound("plan", id));
        if (plan.name().equals(defaultPlan)) {
            throw new PlanConflict("cannot delete plan " + plan.name() + ": it is the default plan of new accounts"
                    + " (paas.billing.default-plan)");
        }
        int accounts = history.accountsEverOn(id);
        if (accounts > 0) {
            throw (PlanConflict) new PlanConflict("cannot delete plan " + plan.name() + ": it is in use, " + accounts
                    + (accounts == 1 ? " account is or was" : " accounts are or were") + " on it; retire it instead"
                    + " with POST /api/v1/admin/plans/" + id + "/retire")
                    .with("retire", "/api/v1/admin/plans/" + id + "/retire");
        }
        plans.delete(id);
        audit.record(id, plan.name(), PlanAuditEntry.Action.DELETED, actorId, clock.instant(), plans.toJson(plan));
    }

    /** What administrators did to the plan, newest first; a deleted plan's record stays. */
    public List<PlanAuditEntry> auditOf(UUID id) {
        return audit.of(id);
    }

    private void refuseTakenName(String name, UUID self) {
        plans.findByName(name).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw new PlanConflict("cannot name a plan " + name + ": plan " + other.id() + " is called so");
        });
    }
}
