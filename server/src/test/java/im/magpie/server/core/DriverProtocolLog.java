package im.magpie.server.core;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The messages pgjdbc sends to PostgreSQL while it is open, from the driver's own FINEST protocol log
 * ({@code " FE=> Query(CopyStart)"}, {@code "Issuing BEGIN before fastpath or copy call."}, …): lets a test count the
 * round trips a store operation makes.
 */
final class DriverProtocolLog implements AutoCloseable {
    private static final String PROTOCOL_LOGGER = "org.postgresql.core.v3";

    private final Logger logger = Logger.getLogger(PROTOCOL_LOGGER);
    private final Level previousLevel;
    private final List<String> messages = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            Object[] params = r.getParameters();
            String text = params == null || params.length == 0
                    ? r.getMessage()
                    : MessageFormat.format(r.getMessage(), params);
            synchronized (messages) {
                messages.add(text);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private DriverProtocolLog() {
        previousLevel = logger.getLevel();
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
        logger.setLevel(Level.FINEST);
    }

    static DriverProtocolLog start() {
        return new DriverProtocolLog();
    }

    List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }
}
