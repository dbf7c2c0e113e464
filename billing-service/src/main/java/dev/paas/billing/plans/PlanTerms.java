package dev.paas.billing.plans;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What an account pays on its plan, for metering.
 *
 * @param planId the plan
 * @param name its name
 * @param hourlyRate the charge per running instance (app replica or database) per hour, exact, scale 4
 */
public record PlanTerms(UUID planId, String name, BigDecimal hourlyRate) {
}
