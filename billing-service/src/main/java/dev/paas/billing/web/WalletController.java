package dev.paas.billing.web;

import dev.paas.billing.metering.HourlyBurn;
import dev.paas.billing.metering.MeteredHours;
import dev.paas.billing.wallets.LedgerEntry;
import dev.paas.billing.wallets.LedgerWallets;
import dev.paas.problems.InvalidInput;
import dev.paas.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own wallet: balance, hourly burn and recent entries; usage per resource; monthly statements as JSON
 * or CSV. Amounts are decimal strings. Nothing here takes a user id: another user's wallet cannot be asked for.
 */
@RestController
@RequestMapping("/api/v1/billing")
class WalletController {

    private static final int MAX_RECENT = 200;
    private static final Duration MAX_USAGE_PERIOD = Duration.ofDays(366);
    private static final MediaType CSV = new MediaType("text", "csv");

    private final LedgerWallets wallets;
    private final HourlyBurn burn;
    private final MeteredHours metered;
    private final Clock clock;

    WalletController(LedgerWallets wallets, HourlyBurn burn, MeteredHours metered, ObjectProvider<Clock> clock) {
        this.wallets = wallets;
        this.burn = burn;
        this.metered = metered;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/wallet")
    WalletView wallet(CurrentUser user, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_RECENT);
        }
        return new WalletView(user.id(), text(wallets.balance(user.id())), wallets.currency(),
                text(burn.of(user.id(), clock.instant())),
                wallets.recent(user.id(), limit).stream().map(EntryView::of).toList());
    }

    /** Usage per resource over the hours starting in {@code [from, to)}; by default this month so far. */
    @GetMapping("/usage")
    UsageView usage(CurrentUser user, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Instant now = clock.instant();
        Instant start = from == null ? YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant() : instant("from", from);
        Instant end = to == null ? now : instant("to", to);
        if (!start.isBefore(end)) {
            throw new InvalidInput("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_USAGE_PERIOD) > 0) {
            throw new InvalidInput("to", "must be at most 366 days after from");
        }
        List<MeteredHours.ResourceUsage> resources = metered.of(user.id(), start, end);
        return new UsageView(start, end, wallets.currency(), resources.stream().map(ResourceView::of).toList(),
                text(resources.stream().map(MeteredHours.ResourceUsage::amount).reduce(BigDecimal.ZERO,
                        BigDecimal::add)));
    }

    /** The month's statement (UTC): opening balance, its entries, closing balance; CSV on request. */
    @GetMapping("/statements/{month}")
    ResponseEntity<?> statement(CurrentUser user, @PathVariable String month,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        YearMonth yearMonth = month(month);
        Instant start = yearMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = yearMonth.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<LedgerEntry> entries = wallets.entries(user.id(), start, end);
        BigDecimal opening = wallets.balanceBefore(user.id(), start);
        BigDecimal closing = entries.isEmpty() ? opening : entries.getLast().balanceAfter();
        StatementView statement = new StatementView(yearMonth.toString(), wallets.currency(), text(opening),
                entries.stream().map(EntryView::of).toList(), text(closing));
        if (wantsCsv(format, accept)) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + yearMonth + ".csv\"")
                    .body(StatementCsv.of(statement));
        }
        if (format != null && !format.equals("json")) {
            throw new InvalidInput("format", "must be json or csv");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(statement);
    }

    private static boolean wantsCsv(String format, String accept) {
        return "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
    }

    private static YearMonth month(String month) {
        try {
            if (!month.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-mm", month, 0);
            }
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("month", "must be a month as yyyy-mm, such as 2026-12");
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date (2026-12-01) or an instant (2026-12-01T10:00:00Z)");
        }
    }

    static String text(BigDecimal amount) {
        return amount.setScale(4).toPlainString();
    }

    /** The wallet as the API shows it. */
    record WalletView(UUID userId, String balance, String currency, String hourlyBurn, List<EntryView> entries) {
    }

    /** One ledger entry as the API shows it. */
    record EntryView(UUID id, String kind, String amount, String balanceAfter, String description, String reference,
            Instant at) {

        static EntryView of(LedgerEntry entry) {
            return new EntryView(entry.id(), entry.kind().name(), text(entry.amount()), text(entry.balanceAfter()),
                    entry.description(), entry.reference(), entry.at());
        }
    }

    /** Usage over a period. */
    record UsageView(Instant from, Instant to, String currency, List<ResourceView> resources, String total) {
    }

    /** One resource's usage: hours charged, instance-hours, the most instances in an hour, the amount. */
    record ResourceView(String kind, UUID resourceId, String name, long hours, long instanceHours, int maxInstances,
            String amount, Instant firstHour, Instant lastHour) {

        static ResourceView of(MeteredHours.ResourceUsage usage) {
            return new ResourceView(usage.kind(), usage.resourceId(), usage.name(), usage.hours(),
                    usage.instanceHours(), usage.maxInstances(), text(usage.amount()), usage.firstHour(),
                    usage.lastHour());
        }
    }

    /** A monthly statement. */
    record StatementView(String month, String currency, String openingBalance, List<EntryView> entries,
            String closingBalance) {
    }
}
