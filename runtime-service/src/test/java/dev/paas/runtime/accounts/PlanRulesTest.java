package dev.paas.runtime.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.paas.problems.PaymentRequired;
import dev.paas.problems.QuotaExceeded;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The answers an owner gets when asking beyond the plan or while suspended. */
class PlanRulesTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID unknown = UUID.randomUUID();
    private final Accounts accounts = mock(Accounts.class);
    private final PlanRules rules = new PlanRules(accounts);

    PlanRulesTest() {
        when(accounts.limitsOf(owner)).thenReturn(Optional.of(
                new AccountLimits(owner, "free", 500, 512, 1, List.of("node", "static"))));
        when(accounts.limitsOf(unknown)).thenReturn(Optional.empty());
    }

    @Test
    void refusesMoreInstancesThanThePlanAllows() {
        assertThatThrownBy(() -> rules.requireInstances(owner, 2))
                .isInstanceOfSatisfying(QuotaExceeded.class, e -> {
                    assertThat(e.limit()).isEqualTo("maxInstances");
                    assertThat(e.plan()).isEqualTo("free");
                    assertThat(e.allowed()).isEqualTo(1);
                })
                .hasMessage("the free plan allows 1 instance per app; asked for 2");
        assertThatCode(() -> rules.requireInstances(owner, 1)).doesNotThrowAnyException();
    }

    @Test
    void refusesMoreMemoryOrCpuThanThePlanAllows() {
        assertThatThrownBy(() -> rules.requireMemory(owner, 1024))
                .isInstanceOfSatisfying(QuotaExceeded.class, e -> assertThat(e.limit()).isEqualTo("memoryMb"))
                .hasMessage("the free plan allows 512 MB of memory per instance; asked for 1024 MB");
        assertThatThrownBy(() -> rules.requireCpu(owner, 1000))
                .isInstanceOfSatisfying(QuotaExceeded.class, e -> assertThat(e.allowed()).isEqualTo(500))
                .hasMessageContaining("the free plan allows 500 thousandths of a core");
        assertThatCode(() -> rules.requireMemory(owner, null)).doesNotThrowAnyException();
        assertThatCode(() -> rules.requireCpu(owner, 500)).doesNotThrowAnyException();
    }

    @Test
    void keepsThePlatformsBoundsOnlyWhileThePlanIsUnknown() {
        assertThatCode(() -> {
            rules.requireInstances(unknown, 10);
            rules.requireMemory(unknown, 4096);
            rules.requireCpu(unknown, 4000);
        }).doesNotThrowAnyException();
        assertThat(rules.runtimeRefusal(unknown, "dockerfile")).isNull();
    }

    @Test
    void namesThePlanAndTheAllowedRuntimesOfARefusedStack() {
        assertThat(rules.runtimeRefusal(owner, "dockerfile"))
                .isEqualTo("the free plan does not allow the dockerfile runtime; it allows node, static");
        assertThat(rules.runtimeRefusal(owner, "node")).isNull();
    }

    @Test
    void asksASuspendedAccountToTopUp() {
        when(accounts.suspended(owner)).thenReturn(true);

        assertThatThrownBy(() -> rules.requireInGoodStanding(owner, "scale apps"))
                .isInstanceOf(PaymentRequired.class)
                .hasMessage("your account is suspended (its balance is due): top up to scale apps again");
        assertThatCode(() -> rules.requireInGoodStanding(unknown, "scale apps")).doesNotThrowAnyException();
    }
}
