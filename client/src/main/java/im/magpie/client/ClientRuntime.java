package im.magpie.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The shared machinery of one client instance: the callback executor (single thread: listeners, sync apply, outbox
 * loop, reconnects), the I/O executor (blocking HTTP and file work), the Netty event loop, JSON and options.
 */
record ClientRuntime(
        ScheduledExecutorService callbacks,
        ExecutorService io,
        EventLoopGroup group,
        ObjectMapper json,
        ClientOptions options,
        ListenerSet listeners) {}
