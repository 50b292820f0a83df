package io.sitedeck.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jboss.logging.Logger;

/**
 * While the database cannot be reached, every request that needs it is answered 503 with a page
 * that says so and that Sitedeck keeps retrying (the connection pool reconnects by itself: no
 * restart), {@code Retry-After} so Domotz delivers webhooks again later, and the readiness probe
 * is DOWN (the datasource health check). Failures inside sign-in or the session check happen
 * outside JAX-RS; the route failure handler catches those.
 */
@Singleton
public class DatabaseDown {

    private static final Logger LOG = Logger.getLogger(DatabaseDown.class);
    static final int RETRY_AFTER_SECONDS = 30;
    static final String MESSAGE = "Sitedeck cannot reach its database right now. It keeps retrying and will "
            + "answer again as soon as the database is back; try again in a minute.";

    /** True when the failure is the database being unreachable (not a bad query or a constraint). */
    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && (message.contains("Acquisition timeout") || message.contains("Unable to acquire JDBC Connection"))) {
                return true;
            }
        }
        return false;
    }

    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (context.failure() != null && is(context.failure()) && !context.response().headWritten()) {
            LOG.warnf("Database unreachable while answering %s: %s", context.request().path(), rootMessage(context.failure()));
            context.response().setStatusCode(503).putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
                    .putHeader("Content-Type", "text/plain;charset=UTF-8").end(MESSAGE);
            return;
        }
        context.next();
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
