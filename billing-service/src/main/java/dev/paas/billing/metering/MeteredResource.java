package dev.paas.billing.metering;

import java.util.UUID;

/**
 * A resource that ran in an hour: an app (a project's containers) or a database, whom it is billed to and for how
 * many instances.
 */
record MeteredResource(String kind, UUID resourceId, UUID ownerId, String name, int instances) {

    static final String APP = "app";
    static final String DATABASE = "database";
}
