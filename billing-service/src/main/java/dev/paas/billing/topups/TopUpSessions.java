package dev.paas.billing.topups;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Every top-up session billing created (or learnt of from Stripe). */
interface TopUpSessions extends ListCrudRepository<TopUp, UUID> {

    /**
     * The top-up of {@code sessionId}, its row locked until the transaction ends: deliveries of the same event
     * running at once credit one after the other, and the second sees the first's {@code PAID}.
     */
    @Query("select * from topup_sessions where session_id = :sessionId for update")
    Optional<TopUp> lockBySessionId(String sessionId);

    List<TopUp> findTop50ByUserIdOrderByCreatedAtDesc(UUID userId);

    Optional<TopUp> findByIdAndUserId(UUID id, UUID userId);
}
