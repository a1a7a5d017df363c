/**
 * The parts of the freedesktop.org Secret Service D-Bus API that the keychain backend calls,
 * declared for dbus-java (interfaces, the secret struct and the multi-value replies). Plain
 * declarations without state; dbus-java's remote proxies built from them are thread-safe.
 */
package dev.cofferdam.vm.secret.dbus;
