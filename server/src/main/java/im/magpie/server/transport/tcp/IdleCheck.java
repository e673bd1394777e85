package im.magpie.server.transport.tcp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.jspecify.annotations.Nullable;

/**
 * One connection's part of the idle cut ({@link IdleSweeps}): notes that something was read, and when its event loop's
 * sweep finds it silent for {@link IdleSweeps#SILENT_SWEEPS} sweeps, sends a reader-idle event down the pipeline
 * ({@link ConnectionExceptionHandler} closes the connection). A new connection counts as just heard from.
 */
final class IdleCheck extends ChannelInboundHandlerAdapter {
    private final IdleSweeps sweeps;
    private @Nullable ChannelHandlerContext ctx; // event loop only, from here on
    private boolean heard = true;
    private int silentSweeps;

    IdleCheck(IdleSweeps sweeps) {
        this.sweeps = sweeps;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        sweeps.add(ctx.executor(), this);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        sweeps.remove(ctx.executor(), this);
        this.ctx = null;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        sweeps.remove(ctx.executor(), this);
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        heard = true;
        ctx.fireChannelRead(msg);
    }

    /** A sweep: true when this connection has now been silent for {@link IdleSweeps#SILENT_SWEEPS} sweeps. */
    boolean swept() {
        if (heard) {
            heard = false;
            silentSweeps = 0;
            return false;
        }
        return ++silentSweeps >= IdleSweeps.SILENT_SWEEPS;
    }

    /** The connection was silent too long. */
    void cut() {
        ChannelHandlerContext c = ctx;
        if (c != null) {
            sweeps.remove(c.executor(), this);
            c.fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        }
    }
}
