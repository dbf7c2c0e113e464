package dev.paas.messaging.binder;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Callbacks run after the NATS connection came back. Pull consumers otherwise notice a restarted server only when
 * their heartbeat alarm fires, tens of seconds later.
 */
class ReconnectListeners {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    void add(Runnable listener) {
        listeners.add(listener);
    }

    void remove(Runnable listener) {
        listeners.remove(listener);
    }

    void reconnected() {
        // Off the connection's event thread: resuming makes JetStream API requests on this connection.
        listeners.forEach(CompletableFuture::runAsync);
    }
}
