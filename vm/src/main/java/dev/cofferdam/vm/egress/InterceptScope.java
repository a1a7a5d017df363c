package dev.cofferdam.vm.egress;

import java.net.InetAddress;

/**
 * What an intercepted tunnel is bound to: the CONNECT host and port, the address checked when the
 * tunnel was decided, and the TLS server name. Immutable.
 *
 * @param target  the CONNECT target
 * @param address the checked address to dial
 */
record InterceptScope(RequestTarget target, InetAddress address) {
}
