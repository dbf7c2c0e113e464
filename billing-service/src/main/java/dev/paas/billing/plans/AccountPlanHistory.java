package dev.paas.billing.plans;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Accounts billing has seen ({@code billing_accounts}) and the plan each was on from which hour on
 * ({@code account_plans}): one row per change, never updated once its hour has begun.
 */
@Repository
class AccountPlanHistory {

    private final JdbcTemplate jdbc;

    AccountPlanHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers the account; {@code false} when it was known already (another replica or an earlier event). */
    boolean register(UUID userId, Instant at) {
        return jdbc.update("insert into billing_accounts (user_id, first_seen_at) values (?, ?) on conflict do nothing",
                userId, Timestamp.from(at)) == 1;
    }

    /** Locks the account's row, so two plan changes of one account run one after the other. */
    boolean lock(UUID userId) {
        return !jdbc.queryForList("select user_id from billing_accounts where user_id = ? for update", UUID.class,
                userId).isEmpty();
    }

    void record(UUID userId, Instant from, UUID planId, Instant chosenAt, UUID chosenBy) {
        jdbc.update("""
                insert into account_plans (user_id, effective_from, plan_id, chosen_at, chosen_by)
                values (?, ?, ?, ?, ?)
                on conflict (user_id, effective_from)
                do update set plan_id = excluded.plan_id, chosen_at = excluded.chosen_at, chosen_by = excluded.chosen_by""",
                userId, Timestamp.from(from), planId, Timestamp.from(chosenAt), chosenBy);
    }

    /** Drops the changes that have not begun by {@code now}: a later choice replaces them. */
    void cancelAfter(UUID userId, Instant now) {
        jdbc.update("delete from account_plans where user_id = ? and effective_from > ?", userId, Timestamp.from(now));
    }

    /** The row in effect at {@code at}. */
    Optional<Entry> at(UUID userId, Instant at) {
        return jdbc.query("""
                select plan_id, effective_from from account_plans where user_id = ? and effective_from <= ?
                order by effective_from desc limit 1""",
                (rs, i) -> new Entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()),
                userId, Timestamp.from(at)).stream().findFirst();
    }

    /** The latest row, in effect or still to come: the plan whose limits the account is under. */
    Optional<Entry> latest(UUID userId) {
        return jdbc.query("""
                select plan_id, effective_from from account_plans where user_id = ?
                order by effective_from desc limit 1""",
                (rs, i) -> new Entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()), userId)
                .stream().findFirst();
    }

    /** The accounts whose latest row is {@code planId}: those under its limits. */
    List<UUID> accountsUnder(UUID planId) {
        return jdbc.queryForList("""
                select user_id from (
                  select distinct on (user_id) user_id, plan_id from account_plans
                  order by user_id, effective_from desc) latest
                where plan_id = ?""", UUID.class, planId);
    }

    /** How many accounts are or were ever on {@code planId}: their charges refer to it. */
    int accountsEverOn(UUID planId) {
        Integer count = jdbc.queryForObject("select count(distinct user_id) from account_plans where plan_id = ?",
                Integer.class, planId);
        return count == null ? 0 : count;
    }

    /**
     * The terms of the plan the account was on at {@code at} (the default plan before it was seen), with the price
     * that applied then.
     */
    Optional<PlanTerms> termsAt(UUID userId, Instant at, String defaultPlan) {
        Timestamp when = Timestamp.from(at);
        return jdbc.query("""
                select p.id, p.name, coalesce((select r.hourly_rate from plan_rates r
                    where r.plan_id = p.id and r.effective_from <= ? order by r.effective_from desc limit 1),
                  p.hourly_rate) as hourly_rate
                from plans p
                where p.id = coalesce((select a.plan_id from account_plans a
                    where a.user_id = ? and a.effective_from <= ? order by a.effective_from desc limit 1),
                  (select d.id from plans d where d.name = ?))""",
                (rs, i) -> new PlanTerms(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getBigDecimal(3).setScale(4)), when, userId, when, defaultPlan).stream().findFirst();
    }

    /** One row: the plan from an hour on. */
    record Entry(UUID planId, Instant effectiveFrom) {
    }
}
