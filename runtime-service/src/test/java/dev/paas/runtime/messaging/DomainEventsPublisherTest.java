package dev.paas.runtime.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.runtime.DomainAdded;
import dev.paas.contracts.runtime.DomainRemoved;
import dev.paas.messaging.testing.RecordingOutbox;
import dev.paas.runtime.domains.DomainEvents;
import org.junit.jupiter.api.Test;

/** Custom domain changes become the published contracts exactly as the golden envelopes say. */
class DomainEventsPublisherTest {

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final DomainEventsPublisher publisher = new DomainEventsPublisher(outbox);

    @Test
    void publishesDomainAddedNamingWhoAddedIt() {
        publisher.on(new DomainEvents.Added(PROJECT, OWNER, OWNER, "shop.example.com"));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(DomainAdded.class));
    }

    @Test
    void publishesDomainRemovedNamingWhoRemovedIt() {
        publisher.on(new DomainEvents.Removed(PROJECT, OWNER, OWNER, "shop.example.com"));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(DomainRemoved.class));
    }

    @Test
    void publishesDomainRemovedWithoutAnActorWhenTheProjectsDeletionRemovedIt() {
        publisher.on(new DomainEvents.Removed(PROJECT, OWNER, null, "shop.example.com"));

        assertThat(outbox.appended()).containsExactly(new DomainRemoved(PROJECT, OWNER, null, "shop.example.com"));
    }
}
