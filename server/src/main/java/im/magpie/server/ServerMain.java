package im.magpie.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import im.magpie.server.config.ConfigException;
import im.magpie.server.config.ConfigLoader;
import im.magpie.server.config.ServerConfig;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code magpie-server [--config FILE] [--data-dir DIR]}: starts the server and runs until stopped. */
@Command(name = "magpie-server", mixinStandardHelpOptions = true, version = MagpieServer.VERSION)
public final class ServerMain implements Callable<Integer> {
    @Option(names = "--config", description = "YAML configuration file (optional; every key has a default)")
    @Nullable
    Path config;

    @Option(names = "--data-dir", description = "data directory (default: data_dir of the config, else ./data)")
    @Nullable
    Path dataDir;

    /** Netty's system property for its buffer leak tracking. */
    static final String LEAK_DETECTION = "io.netty.leakDetection.level";

    public static void main(String[] args) {
        trackLeaksOnlyWhenAsked(System.getProperty(LEAK_DETECTION));
        System.exit(new CommandLine(new ServerMain()).execute(args));
    }

    /**
     * Turns Netty's buffer leak tracking off unless {@code asked} names a level ({@code -Dio.netty.leakDetection.level=
     * simple|advanced|paranoid}). Its default samples 1 in 128 buffers and records a stack trace for each (a
     * {@code Throwable} and a phantom reference): on an idle server that was a trace every ~16 heartbeats, a few per
     * cent of the heartbeat path's CPU (docs/performance.md). The tests run every Netty pipeline at {@code paranoid}.
     */
    static void trackLeaksOnlyWhenAsked(@Nullable String asked) {
        if (asked == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServerConfig loaded;
        try {
            loaded = new ConfigLoader().load(config);
        } catch (ConfigException e) {
            System.err.println("magpie-server: " + e.getMessage());
            return 2;
        }
        ServerConfig effective = dataDir == null ? loaded : loaded.withDataDir(dataDir);
        Path dir = MagpieServer.prepareDataDir(effective.dataDir());
        logToFile(dir.resolve("logs"));
        Logger log = LoggerFactory.getLogger(ServerMain.class);
        MagpieServer server;
        try {
            server = MagpieServer.start(effective.withDataDir(dir), ServerComponents.core(UnaryOperator.identity()));
        } catch (ServerStartException e) {
            log.error("Magpie server failed to start: {}", e.getMessage(), e);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("Stopping Magpie server");
                            server.close();
                            stopped.countDown();
                        },
                        "magpie-shutdown"));
        log.info("Magpie server {} started, data in {}", MagpieServer.VERSION, dir);
        if (effective.passwordHashing().belowDefaults()) {
            log.warn(
                    "password_hashing is below the recommended Argon2id cost ({}): new passwords are weakly protected;"
                            + " use this only for benchmarks",
                    effective.passwordHashing());
        }
        stopped.await();
        return 0;
    }

    /** Adds {@code <logs>/server.log}, rolled daily and at 50 MB, kept 30 days, to the root logger. */
    private static void logToFile(Path logs) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logs.resolve("server.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(
                logs.resolve("server.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf("50MB"));
        policy.setMaxHistory(30);
        policy.setTotalSizeCap(FileSize.valueOf("2GB"));
        policy.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n");
        encoder.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder);
        file.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(file);
    }
}
