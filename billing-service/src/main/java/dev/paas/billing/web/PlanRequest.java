package dev.paas.billing.web;

import dev.paas.billing.plans.PlanLimits;
import dev.paas.billing.plans.PlanPrice;
import dev.paas.billing.plans.PlanSpec;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * A plan as an administrator sends it (create, or replace with PUT). Amounts are decimal strings; without
 * {@code hourlyRate} it is the monthly price over 730 hours, rounded half-even to 4 places. An empty or missing
 * {@code allowedRuntimes} allows every runtime.
 */
record PlanRequest(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}",
                message = "must be 1 to 40 lower-case letters, digits or '-'") String name,
        @NotNull @Min(10) @Max(256_000) Integer cpuMillis,
        @NotNull @Min(16) @Max(1_048_576) Integer memoryMb,
        @NotNull @Min(1) @Max(10_485_760) Integer diskMb,
        @NotNull @Min(1) @Max(100) Integer maxInstances,
        @NotNull @Min(0) @Max(10_000) Integer maxApps,
        @NotNull Map<@Pattern(regexp = "postgresql|mysql|redis|mongodb",
                message = "must be one of postgresql, mysql, redis, mongodb") String,
                @NotNull @Min(0) @Max(100) Integer> maxDatabasesPerType,
        @NotNull @Min(1) @Max(10_485_760) Integer databaseDiskMb,
        List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9.+-]{0,39}",
                message = "must be a runtime name such as node or python") String> allowedRuntimes,
        @NotNull @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) String monthlyPrice,
        @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) String hourlyRate) {

    static final String AMOUNT = "\\d{1,7}(\\.\\d{1,4})?";
    static final String AMOUNT_MESSAGE = "must be a non-negative decimal string with at most 4 decimal places,"
            + " such as \"20.00\"";

    PlanSpec spec() {
        return new PlanSpec(name, new PlanLimits(cpuMillis, memoryMb, diskMb, maxInstances, maxApps,
                maxDatabasesPerType, databaseDiskMb, allowedRuntimes), PlanPrice.of(monthlyPrice, hourlyRate));
    }
}
