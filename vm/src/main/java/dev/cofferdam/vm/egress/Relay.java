package dev.cofferdam.vm.egress;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * Copies bytes from one side of a tunnel to the other, with back-pressure (a side stops reading
 * while its peer cannot take more). Closing either side closes the other; a tunnel with no bytes
 * either way for the idle timeout is closed. Event-loop confined.
 */
final class Relay extends ChannelInboundHandlerAdapter {
    private final Channel peer;
    private final Runnable onClose;
    private final Activity activity;

    /** When either side of a tunnel last read; both relays of a tunnel share one (same event loop). */
    static final class Activity {
        private final long idleNanos;
        private long last = System.nanoTime();

        Activity(long idleNanos) {
            this.idleNanos = idleNanos;
        }

        boolean idle() {
            return System.nanoTime() - last >= idleNanos;
        }
    }

    Relay(Channel peer, Runnable onClose, Activity activity) {
        this.peer = peer;
        this.onClose = onClose;
        this.activity = activity;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!peer.isActive()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        activity.last = System.nanoTime();
        // Writes are flushed once per read batch; a failed write surfaces as the peer's exceptionCaught, which closes.
        peer.write(msg, peer.voidPromise());
        if (!peer.isWritable()) {
            // Stop reading first: the flush may drain the peer at once, and its writability event
            // (which turns reading back on) then fires inside the flush.
            ctx.channel().config().setAutoRead(false);
            peer.flush();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        peer.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            peer.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (peer.isActive()) {
            peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        onClose.run();
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && activity.idle()) {
            ctx.close();
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
