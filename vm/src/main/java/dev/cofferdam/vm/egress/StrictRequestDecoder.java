package dev.cofferdam.vm.egress;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * Netty's request decoder, except that a message with both {@code Transfer-Encoding: chunked} and
 * {@code Content-Length} is rejected (Netty would drop the Content-Length and go on): the proxy
 * must not pick one framing where an upstream might pick the other.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {

    StrictRequestDecoder(int maxHeaderBytes) {
        super(new HttpDecoderConfig().setMaxInitialLineLength(8192).setMaxHeaderSize(maxHeaderBytes)
                .setMaxChunkSize(64 * 1024).setAllowDuplicateContentLengths(false));
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        throw new SmugglingException("both Content-Length and Transfer-Encoding: chunked");
    }
}
