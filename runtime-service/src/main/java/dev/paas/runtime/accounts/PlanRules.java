package dev.paas.runtime.accounts;

import dev.paas.problems.PaymentRequired;
import dev.paas.problems.QuotaExceeded;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What an account may ask of its apps: its plan's limits and, while it is suspended, nothing new. Accounts whose
 * limits billing has not announced yet keep the platform's bounds only.
 */
@Service
public class PlanRules {

    private final Accounts accounts;

    PlanRules(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Fails with {@link PaymentRequired} while the account is suspended; {@code action}: {@code start apps}. */
    public void requireInGoodStanding(UUID userId, String action) {
        if (accounts.suspended(userId)) {
            throw accountSuspended(action);
        }
    }

    /** The answer to an owner whose suspended account asks to {@code action} ({@code start apps}). */
    public static PaymentRequired accountSuspended(String action) {
        return new PaymentRequired("your account is suspended (its balance is due): top up to " + action + " again");
    }

    /** Fails with {@link QuotaExceeded} when the plan allows fewer instances per app. */
    public void requireInstances(UUID userId, int instances) {
        accounts.limitsOf(userId).ifPresent(limits -> {
            if (instances > limits.maxInstances()) {
                throw new QuotaExceeded("maxInstances", limits.planName(), limits.maxInstances(), "the "
                        + limits.planName() + " plan allows " + limits.instancesText() + " per app; asked for "
                        + instances);
            }
        });
    }

    /** Fails with {@link QuotaExceeded} when the plan allows less memory per instance; {@code null}: not asked. */
    public void requireMemory(UUID userId, Integer memoryMb) {
        accounts.limitsOf(userId).ifPresent(limits -> {
            if (memoryMb != null && memoryMb > limits.memoryMb()) {
                throw new QuotaExceeded("memoryMb", limits.planName(), limits.memoryMb(), "the "
                        + limits.planName() + " plan allows " + limits.memoryMb() + " MB of memory per instance; "
                        + "asked for " + memoryMb + " MB");
            }
        });
    }

    /** Fails with {@link QuotaExceeded} when the plan allows less CPU per instance; {@code null}: not asked. */
    public void requireCpu(UUID userId, Integer cpuMillis) {
        accounts.limitsOf(userId).ifPresent(limits -> {
            if (cpuMillis != null && cpuMillis > limits.cpuMillis()) {
                throw new QuotaExceeded("cpuMillis", limits.planName(), limits.cpuMillis(), "the "
                        + limits.planName() + " plan allows " + limits.cpuMillis() + " thousandths of a core per "
                        + "instance; asked for " + cpuMillis);
            }
        });
    }

    /** Why a release of {@code stack} may not run for the account, or {@code null} when it may. */
    public String runtimeRefusal(UUID userId, String stack) {
        return accounts.limitsOf(userId)
                .filter(limits -> !limits.allowsRuntime(stack))
                .map(limits -> "the " + limits.planName() + " plan does not allow the " + stack + " runtime; it "
                        + "allows " + limits.runtimesText())
                .orElse(null);
    }
}
