package dev.paas.metrics.web;

import dev.paas.metrics.capacity.CapacityOverview;
import dev.paas.metrics.capacity.CapacityView;
import dev.paas.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The host's capacity and the admission threshold, for administrators ({@code /api/v1/admin/**} needs the role). */
@RestController
class AdminCapacityController {

    private final CapacityOverview capacity;

    AdminCapacityController(CapacityOverview capacity) {
        this.capacity = capacity;
    }

    @GetMapping("/api/v1/admin/capacity")
    CapacityView capacity() {
        return capacity.view();
    }

    /** Applies at once: the answer shows the admitting state the new threshold leads to. */
    @PutMapping("/api/v1/admin/capacity/threshold")
    CapacityView changeThreshold(@RequestBody ThresholdChange change, CurrentUser user) {
        return capacity.changeThreshold(change.percent(), user.id());
    }

    /** {@code {"percent": 85}}. */
    record ThresholdChange(Double percent) {
    }
}
