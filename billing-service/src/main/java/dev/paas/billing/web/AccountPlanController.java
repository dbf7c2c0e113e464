package dev.paas.billing.web;

import dev.paas.billing.plans.AccountPlan;
import dev.paas.billing.plans.AccountPlanService;
import dev.paas.billing.plans.PlanCatalog;
import dev.paas.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The plans a user can choose, and the caller's own plan. */
@RestController
@RequestMapping("/api/v1/billing")
class AccountPlanController {

    private final PlanCatalog catalog;
    private final AccountPlanService accountPlans;

    AccountPlanController(PlanCatalog catalog, AccountPlanService accountPlans) {
        this.catalog = catalog;
        this.accountPlans = accountPlans;
    }

    /** The active plans, cheapest first. */
    @GetMapping("/plans")
    List<PlanView> plans() {
        return catalog.active().stream().map(PlanView::of).toList();
    }

    @GetMapping("/plan")
    AccountPlanView plan(CurrentUser user) {
        return AccountPlanView.of(accountPlans.planOf(user.id()));
    }

    /** Changes the caller's plan from the next full hour on; its limits apply at once. */
    @PutMapping("/plan")
    AccountPlanView choose(@Valid @RequestBody PlanChoice choice, CurrentUser user) {
        return AccountPlanView.of(accountPlans.choose(user.id(), choice.planId()));
    }

    /** The plan to move to. */
    record PlanChoice(@NotNull UUID planId) {
    }

    /** The caller's plan now ({@code since}: the hour it began; {@code null} before billing saw the account). */
    record AccountPlanView(UUID planId, String name, Instant since, PlanView plan, Next next) {

        static AccountPlanView of(AccountPlan plan) {
            return new AccountPlanView(plan.plan().id(), plan.plan().name(), plan.since(), PlanView.of(plan.plan()),
                    plan.next() == null ? null : new Next(plan.next().plan().id(), plan.next().plan().name(),
                            plan.next().effectiveFrom()));
        }
    }

    /** A change of plan taking effect at {@code effectiveFrom}, the next full hour. */
    record Next(UUID planId, String name, Instant effectiveFrom) {
    }
}
