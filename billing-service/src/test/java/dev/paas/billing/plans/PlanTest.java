package dev.paas.billing.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A plan's state rules. */
class PlanTest {

    private final Instant now = Instant.parse("2026-12-01T10:30:00Z");

    @Test
    void retiresOnceAndSaysSoTheSecondTime() {
        Plan plan = Plan.create(UUID.randomUUID(), spec("team"), now);

        plan.retire(now);

        assertThat(plan.status()).isEqualTo(PlanStatus.RETIRED);
        assertThat(plan.isActive()).isFalse();
        assertThatThrownBy(() -> plan.retire(now)).isInstanceOf(PlanConflict.class)
                .hasMessage("cannot retire plan team: it is RETIRED already");
    }

    @Test
    void aRetiredPlanCanStillBeRevisedForTheAccountsOnIt() {
        Plan plan = Plan.create(UUID.randomUUID(), spec("team"), now);
        plan.retire(now);

        plan.revise(spec("team-legacy"), now.plusSeconds(60));

        assertThat(plan.name()).isEqualTo("team-legacy");
        assertThat(plan.status()).isEqualTo(PlanStatus.RETIRED);
    }

    @Test
    void namesAreLowerCaseIdentifiers() {
        assertThat(spec(" Pro ").name()).isEqualTo("pro");
        assertThatThrownBy(() -> spec("a plan")).isInstanceOfSatisfying(InvalidInput.class,
                invalid -> assertThat(invalid.field()).isEqualTo("name"));
    }

    @Test
    void limitsCompareByValueWhateverTheOrderTheyCameIn() {
        PlanLimits one = new PlanLimits(500, 512, 1024, 1, 3, Map.of("redis", 1, "mysql", 2), 1024,
                List.of("python", "node"));
        PlanLimits other = new PlanLimits(500, 512, 1024, 1, 3, Map.of("mysql", 2, "redis", 1), 1024,
                List.of("node", "python", "node"));

        assertThat(one).isEqualTo(other);
        assertThat(one.allowedRuntimes()).containsExactly("node", "python");
    }

    static PlanSpec spec(String name) {
        return new PlanSpec(name, new PlanLimits(1000, 1024, 2048, 2, 5, Map.of("postgresql", 2), 2048, List.of()),
                PlanPrice.of("10.00", null));
    }
}
