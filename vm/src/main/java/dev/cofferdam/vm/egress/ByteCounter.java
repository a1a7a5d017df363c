package dev.cofferdam.vm.egress;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/** Counts the raw bytes written to (up) and read from (down) an upstream channel. Event-loop confined. */
final class ByteCounter extends ChannelDuplexHandler {
    private long up;
    private long down;

    /** Starts counting a new exchange on a reused connection. */
    void reset() {
        up = 0;
        down = 0;
    }

    long up() {
        return up;
    }

    long down() {
        return down;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf) {
            down += ((ByteBuf) msg).readableBytes();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf) {
            up += ((ByteBuf) msg).readableBytes();
        }
        ctx.write(msg, promise);
    }
}
