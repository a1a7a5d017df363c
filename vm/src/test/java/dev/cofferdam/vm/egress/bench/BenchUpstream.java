package dev.cofferdam.vm.egress.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Upstream servers of the benchmark, on 127.0.0.1: an HTTP server answering "ok" (keep-alive), a
 * source that streams a fixed number of bytes after the first bytes it receives, and an echo server.
 */
final class BenchUpstream implements AutoCloseable {
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    final int httpPort;
    final int sourcePort;
    final int echoPort;
    private final int writeBuffer;

    /**
     * @param writeBuffer how many bytes a server channel may queue before it waits for the socket
     *                    (its high-water mark): the source's write size, which bounds the direct baseline
     */
    BenchUpstream(long sourceBytes, int writeBuffer) throws InterruptedException {
        this.writeBuffer = writeBuffer;
        httpPort = bind(() -> new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536), new Ok());
            }
        });
        sourcePort = bind(() -> new Source(sourceBytes));
        echoPort = bind(Echo::new);
    }

    private int bind(Supplier<ChannelHandler> handler) throws InterruptedException {
        Channel ch = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel c) {
                        c.pipeline().addLast(handler.get());
                    }
                }).option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(writeBuffer / 2, writeBuffer))
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        return ((InetSocketAddress) ch.localAddress()).getPort();
    }

    @Override
    public void close() {
        group.shutdownGracefully().syncUninterruptibly();
    }

    /** Answers every request with "ok". */
    static final class Ok extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            boolean keepAlive = msg instanceof HttpRequest && HttpUtil.isKeepAlive((HttpRequest) msg);
            ReferenceCountUtil.release(msg);
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII));
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, 2);
            if (keepAlive) {
                ctx.writeAndFlush(r);
            } else {
                ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    /** After the first bytes, streams {@code total} bytes, then closes. */
    static final class Source extends ChannelInboundHandlerAdapter {
        private static final ByteBuf CHUNK = Unpooled.unreleasableBuffer(Unpooled.directBuffer(65536)
                .writeZero(65536));
        private final long total;
        private long sent = -1;

        Source(long total) {
            this.total = total;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
            if (sent < 0) {
                sent = 0;
                pump(ctx);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (sent >= 0) {
                pump(ctx);
            }
        }

        private void pump(ChannelHandlerContext ctx) {
            while (ctx.channel().isWritable() && sent < total) {
                int n = (int) Math.min(CHUNK.readableBytes(), total - sent);
                ctx.write(CHUNK.retainedSlice(0, n));
                sent += n;
            }
            ctx.flush();
            if (sent >= total) {
                ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                sent = Long.MAX_VALUE;
            }
        }
    }

    /** Echoes every byte. */
    static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.writeAndFlush(msg);
        }
    }
}
