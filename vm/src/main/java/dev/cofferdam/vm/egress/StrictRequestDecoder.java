package dev.cofferdam.vm.egress;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.util.List;

/**
 * Netty's request decoder, except that a message with both {@code Transfer-Encoding: chunked} and
 * {@code Content-Length} is rejected (Netty would drop the Content-Length and go on): the proxy
 * must not pick one framing where an upstream might pick the other. After a CONNECT request it
 * decodes nothing more: bytes a client sends right behind it (an early TLS ClientHello) stay
 * buffered and reach the tunnel when this decoder is removed.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {
    private boolean sawConnect;

    StrictRequestDecoder(int maxHeaderBytes) {
        super(new HttpDecoderConfig().setMaxInitialLineLength(8192).setMaxHeaderSize(maxHeaderBytes)
                .setMaxChunkSize(64 * 1024).setAllowDuplicateContentLengths(false));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        if (sawConnect) {
            return;
        }
        int before = out.size();
        super.decode(ctx, buffer, out);
        for (int i = before; i < out.size(); i++) {
            Object o = out.get(i);
            if (o instanceof HttpRequest && HttpMethod.CONNECT.equals(((HttpRequest) o).method())
                    && ((HttpRequest) o).decoderResult().isSuccess()) {
                sawConnect = true;
            }
        }
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        throw new SmugglingException("both Content-Length and Transfer-Encoding: chunked");
    }
}
