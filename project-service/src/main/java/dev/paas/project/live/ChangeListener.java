package dev.paas.project.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on {@value ChangeNotices#CHANNEL} with one connection of its own and republishes each notice as a
 * {@link ProjectChanged} in this replica, so that a dashboard connected to any replica hears of changes made in any
 * other. When the connection breaks (PostgreSQL restarted) it connects again every 2 s, and once it is back it
 * publishes {@link ChangesMissed}: what happened meanwhile was not heard.
 */
@Component
class ChangeListener implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(ChangeListener.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final int WAIT_MILLIS = 1_000;

    private final DataSource dataSource;
    private final ChangeNotices notices;
    private final ApplicationEventPublisher events;
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private Connection connection;
    private Instant retryAt = Instant.MIN;
    private boolean listenedBefore;
    private boolean failing;

    ChangeListener(DataSource dataSource, ChangeNotices notices, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.notices = notices;
        this.events = events;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "project-changes");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::listenOnce, 0, 10, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(WAIT_MILLIS * 2L, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One turn of the listening thread: (re)connects when needed, then waits up to a second for notices. */
    private void listenOnce() {
        if (!running) {
            return;
        }
        try {
            if (connection == null) {
                if (Instant.now().isBefore(retryAt)) {
                    return;
                }
                connect();
            }
            PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
            if (received != null) {
                for (PGNotification notification : received) {
                    publish(notification.getParameter());
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                log.warn("not listening for project changes (" + e.getMessage() + "); trying again every "
                        + RETRY.toSeconds() + " s");
                failing = true;
            }
            close();
            retryAt = Instant.now().plus(RETRY);
        }
    }

    private void connect() throws SQLException {
        Connection opened = dataSource.getConnection();
        try {
            opened.setAutoCommit(true);
            try (Statement statement = opened.createStatement()) {
                statement.execute("LISTEN " + ChangeNotices.CHANNEL);
            }
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
        connection = opened;
        if (failing) {
            log.info("listening for project changes again");
            failing = false;
        }
        if (listenedBefore) {
            events.publishEvent(new ChangesMissed());
        }
        listenedBefore = true;
    }

    private void publish(String payload) {
        try {
            events.publishEvent(notices.read(payload));
        } catch (RuntimeException e) {
            log.warn("ignoring a project change notice that could not be handled: " + e.getMessage());
        }
    }

    private void close() {
        if (connection != null) {
            try (Statement statement = connection.createStatement()) {
                // the connection goes back to the pool: it must not go on collecting notices there
                statement.execute("UNLISTEN *");
            } catch (SQLException e) {
                log.debug("unlistening failed (the pool drops a broken connection): " + e.getMessage());
            }
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the listening connection failed: " + e.getMessage());
            }
            connection = null;
        }
    }
}
