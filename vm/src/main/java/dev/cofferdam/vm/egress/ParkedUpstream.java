package dev.cofferdam.vm.egress;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An idle keep-alive upstream connection kept by one client connection for its next plain-HTTP
 * request. It is reused only by the same client connection (so never across sandboxes), only for
 * the same host name, port and checked address, and only after that next request was decided and
 * logged on its own. While parked, any byte from upstream closes it, and it is closed after
 * {@link #MAX_PARKED_MILLIS}: servers close idle keep-alive connections after 5 s or more, so a
 * connection reused within 2 s rarely races the server's close (which would answer that request 502).
 * Event-loop confined (the upstream channel shares the client's loop).
 */
final class ParkedUpstream extends ChannelInboundHandlerAdapter {
    static final String NAME = "parked";

    /** How long an idle upstream connection is kept. */
    static final long MAX_PARKED_MILLIS = 2000;

    private final String key;
    private ScheduledFuture<?> expiry;

    private ParkedUpstream(String key) {
        this.key = key;
    }

    /** @return the reuse key of a request to {@code host:port} dialled at {@code address} */
    static String key(String host, int port, InetAddress address) {
        return host + "|" + port + "|" + address.getHostAddress();
    }

    /** Parks {@code ch} under {@code key}: it waits with this guard at the end of its pipeline. */
    static void park(Channel ch, String key) {
        ParkedUpstream p = new ParkedUpstream(key);
        ch.pipeline().addLast(NAME, p);
        p.expiry = ch.eventLoop().schedule(() -> {
            if (ch.pipeline().get(NAME) == p) {
                ch.close();
            }
        }, MAX_PARKED_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes a parked channel for a request with reuse key {@code key}.
     *
     * @return whether {@code ch} was parked under exactly {@code key}, still open, and is now taken
     */
    static boolean take(Channel ch, String key) {
        if (ch == null || !ch.isActive()) {
            return false;
        }
        ParkedUpstream p = (ParkedUpstream) ch.pipeline().get(NAME);
        if (p == null || !p.key.equals(key)) {
            return false;
        }
        ch.pipeline().remove(p);
        p.expiry.cancel(false);
        ByteCounter counter = ch.pipeline().get(ByteCounter.class);
        if (counter != null) {
            counter.reset();
        }
        return true;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Nothing is asked of a parked connection: whatever arrives is unsolicited.
        ReferenceCountUtil.release(msg);
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
