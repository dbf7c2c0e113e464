package dev.paas.billing.plans;

import dev.paas.problems.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which plan each account is on. An account gets the default plan ({@code paas.billing.default-plan}) when billing
 * first sees it; a change of plan is charged from the next full hour (the hour under way stays on the old rate) and
 * its limits are published at once, so an upgrade can be used right away.
 */
@Service
public class AccountPlanService implements AccountPlans {

    private static final Log log = LogFactory.getLog(AccountPlanService.class);

    private final Plans plans;
    private final AccountPlanHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String defaultPlan;

    AccountPlanService(Plans plans, AccountPlanHistory history, ApplicationEventPublisher events,
            ObjectProvider<Clock> clock, @Value("${paas.billing.default-plan:free}") String defaultPlan) {
        this.plans = plans;
        this.history = history;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.defaultPlan = defaultPlan;
    }

    /**
     * Puts an account billing has not seen yet on the default plan from the start of the hour it was seen in, and
     * publishes its limits; an account seen before is left as it is (a replay, a second project).
     */
    @Transactional
    public void accountSeen(UUID userId, Instant at) {
        if (history.register(userId, at)) {
            Plan plan = defaultPlan();
            history.record(userId, at.truncatedTo(ChronoUnit.HOURS), plan.id(), at, null);
            events.publishEvent(new PlanEvents.LimitsChanged(userId, plan.id(), plan.name(), plan.limits()));
            log.info("account " + userId + " is on the default plan " + plan.name());
        }
    }

    /**
     * Moves the account to {@code planId} from the next full hour on. Choosing the plan in effect now cancels a
     * change still to come; choosing again within the hour replaces the earlier choice.
     */
    @Transactional
    public AccountPlan choose(UUID userId, UUID planId) {
        Plan chosen = plans.share(planId).orElseThrow(() -> new NotFound("plan", planId));
        if (!chosen.isActive()) {
            throw new PlanConflict("cannot choose plan " + chosen.name() + ": it is RETIRED; choose one of"
                    + " GET /api/v1/billing/plans");
        }
        Instant now = clock.instant();
        accountSeen(userId, now);
        history.lock(userId);
        UUID before = history.latest(userId).map(AccountPlanHistory.Entry::planId).orElseThrow();
        UUID current = history.at(userId, now).map(AccountPlanHistory.Entry::planId).orElseThrow();
        history.cancelAfter(userId, now);
        if (!current.equals(planId)) {
            history.record(userId, now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS), planId, now, userId);
        }
        if (!before.equals(planId)) {
            events.publishEvent(new PlanEvents.LimitsChanged(userId, planId, chosen.name(), chosen.limits()));
        }
        return planOf(userId);
    }

    /** The account's plan now and the change still to come, if any; the default plan for an unknown account. */
    @Transactional(readOnly = true)
    public AccountPlan planOf(UUID userId) {
        Instant now = clock.instant();
        Optional<AccountPlanHistory.Entry> current = history.at(userId, now);
        Plan plan = current.map(entry -> plans.find(entry.planId()).orElseThrow()).orElseGet(this::defaultPlan);
        Optional<AccountPlan.Change> next = history.latest(userId)
                .filter(entry -> entry.effectiveFrom().isAfter(now))
                .map(entry -> new AccountPlan.Change(plans.find(entry.planId()).orElseThrow(), entry.effectiveFrom()));
        return new AccountPlan(userId, plan, current.map(AccountPlanHistory.Entry::effectiveFrom).orElse(null),
                next.orElse(null));
    }

    /** One query, as metering asks for every resource of every hour. */
    @Override
    @Transactional(readOnly = true)
    public PlanTerms termsAt(UUID userId, Instant at) {
        return history.termsAt(userId, at, defaultPlan).orElseThrow(() -> new IllegalStateException(
                "paas.billing.default-plan names plan " + defaultPlan + ", which does not exist"));
    }

    private Plan defaultPlan() {
        return plans.findByName(defaultPlan).orElseThrow(() -> new IllegalStateException(
                "paas.billing.default-plan names plan " + defaultPlan + ", which does not exist"));
    }
}
