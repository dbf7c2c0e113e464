package dev.paas.billing.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.paas.billing.plans.PlanAuditEntry;
import dev.paas.billing.plans.PlanCatalog;
import dev.paas.security.CurrentUser;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Plan management for administrators (the admin role is required under {@code /api/v1/admin}); audited. */
@RestController
@RequestMapping("/api/v1/admin/plans")
class AdminPlansController {

    private final PlanCatalog catalog;

    AdminPlansController(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every plan, retired ones too. */
    @GetMapping
    List<PlanView> all() {
        return catalog.all().stream().map(PlanView::of).toList();
    }

    @GetMapping("/{id}")
    PlanView get(@PathVariable UUID id) {
        return PlanView.of(catalog.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PlanView create(@Valid @RequestBody PlanRequest request, CurrentUser admin) {
        return PlanView.of(catalog.create(request.spec(), admin.id()));
    }

    /** Replaces the plan: new limits reach its accounts at once, a new price applies from the next full hour. */
    @PutMapping("/{id}")
    PlanView revise(@PathVariable UUID id, @Valid @RequestBody PlanRequest request, CurrentUser admin) {
        return PlanView.of(catalog.revise(id, request.spec(), admin.id()));
    }

    /** 409 for a plan that is or was in use: retire it instead. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, CurrentUser admin) {
        catalog.delete(id, admin.id());
    }

    @PostMapping("/{id}/retire")
    PlanView retire(@PathVariable UUID id, CurrentUser admin) {
        return PlanView.of(catalog.retire(id, admin.id()));
    }

    /** What administrators did to the plan, newest first. */
    @GetMapping("/{id}/audit")
    List<AuditView> audit(@PathVariable UUID id) {
        return catalog.auditOf(id).stream().map(AuditView::of).toList();
    }

    /** One audited change, with the plan as it left it. */
    record AuditView(UUID planId, String planName, String action, UUID actorId, Instant at,
            @JsonRawValue String plan) {

        static AuditView of(PlanAuditEntry entry) {
            return new AuditView(entry.planId(), entry.planName(), entry.action().name(), entry.actorId(), entry.at(),
                    entry.plan());
        }
    }
}
