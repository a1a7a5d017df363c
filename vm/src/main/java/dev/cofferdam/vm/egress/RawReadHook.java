package dev.cofferdam.vm.egress;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Sits first in the client pipeline and tells the {@link HeadGuard} that bytes arrived. */
final class RawReadHook extends ChannelInboundHandlerAdapter {
    private final HeadGuard guard;

    RawReadHook(HeadGuard guard) {
        this.guard = guard;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        guard.bytesSeen();
        ctx.fireChannelRead(msg);
    }
}
