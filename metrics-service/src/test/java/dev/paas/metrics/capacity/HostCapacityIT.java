package dev.paas.metrics.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.testing.ServiceComponentTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admitting state against the real PostgreSQL: a crossing is confirmed by two consecutive samples, and of two
 * replicas seeing the same crossing only one reports it (one outbox row per flip).
 */
@ServiceComponentTest(database = "paas_metrics_test", properties = "paas.metrics.capacity.sampling=false")
class HostCapacityIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    private final String host = "it-host-" + UUID.randomUUID();

    @Test
    void reportsTheFirstVerdictAtOnceThenFlipsOnlyAfterTwoConsecutiveSamples() {
        HostCapacity replica = replica();

        replica.observe(host, CapacityVerdict.of(10, 50, 20, 85), Instant.now());
        assertThat(flipsReported()).isEqualTo(1);

        replica.observe(host, CapacityVerdict.of(10, 91, 20, 85), Instant.now());
        replica.observe(host, CapacityVerdict.of(10, 50, 20, 85), Instant.now());
        replica.observe(host, CapacityVerdict.of(10, 91, 20, 85), Instant.now());
        assertThat(flipsReported()).as("single samples over the threshold are noise").isEqualTo(1);
        assertThat(replica.stored(host)).hasValueSatisfying(state -> assertThat(state.admitting()).isTrue());

        replica.observe(host, CapacityVerdict.of(10, 92, 20, 85), Instant.now());
        assertThat(flipsReported()).isEqualTo(2);
        assertThat(replica.stored(host)).hasValueSatisfying(state -> {
            assertThat(state.admitting()).isFalse();
            assertThat(state.reason()).isEqualTo("memory 92 % of host");
        });
    }

    @Test
    void ofTwoReplicasSeeingTheSameCrossingOnlyOneReportsIt() {
        HostCapacity first = replica();
        HostCapacity second = replica();
        first.observe(host, CapacityVerdict.of(10, 50, 20, 85), Instant.now());
        second.observe(host, CapacityVerdict.of(10, 50, 20, 85), Instant.now());
        assertThat(flipsReported()).isEqualTo(1);

        for (int sample = 0; sample < 3; sample++) {
            first.observe(host, CapacityVerdict.of(10, 20, 95, 85), Instant.now());
            second.observe(host, CapacityVerdict.of(10, 20, 95, 85), Instant.now());
        }

        assertThat(flipsReported()).isEqualTo(2);
    }

    @Test
    void anAdministratorsChangeDecidesAtTheNextSample() {
        HostCapacity replica = replica();
        replica.observe(host, CapacityVerdict.of(10, 50, 20, 85), Instant.now());

        replica.decideNext();
        replica.observe(host, CapacityVerdict.of(10, 50, 20, 40), Instant.now());

        assertThat(replica.stored(host)).hasValueSatisfying(state -> assertThat(state.reason())
                .isEqualTo("memory 50 % of host"));
        assertThat(flipsReported()).isEqualTo(2);
    }

    private HostCapacity replica() {
        return new HostCapacity(jdbc, transactions, events, 2);
    }

    private int flipsReported() {
        return jdbc.queryForObject("select count(*) from outbox_event where aggregate_id = ?", Integer.class, host);
    }
}
