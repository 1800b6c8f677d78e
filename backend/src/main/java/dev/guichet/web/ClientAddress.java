package dev.guichet.web;

import io.micronaut.http.HttpRequest;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who is really on the other end of a request. Behind nginx, the TCP peer is the proxy; the client
 * is in {@code X-Forwarded-For}. That header is believed only when the peer is one of the
 * {@code TRUSTED_PROXIES} (a comma-separated list of CIDR ranges or addresses, none by default):
 * otherwise any client could forge it to dodge a per-address rate limit.
 *
 * <p>With several proxies in a row, the client is the right-most address of the chain that is not a
 * trusted proxy (the left-most entries are whatever the client chose to send).
 */
@Singleton
public class ClientAddress {

    private final List<IpSubnetFilterRule> trusted;

    /**
     * @param settings its {@code trustedProxies}: comma-separated CIDR ranges ({@code 10.0.0.0/8},
     *                 {@code fd00::/8}) or single addresses; blank for none
     * @throws IllegalArgumentException for an entry that is not an IP address or range
     */
    ClientAddress(WebSettings settings) {
        this.trusted = parse(settings.trustedProxies() == null ? "" : settings.trustedProxies());
    }

    /** @return the client's IP address as text, e.g. {@code 203.0.113.7} */
    public String of(HttpRequest<?> request) {
        InetAddress peer = peer(request);
        if (peer == null) {
            return "unknown";
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> chain = forwardedFor(request);
        for (int i = chain.size() - 1; i >= 0; i--) {
            InetAddress hop = parseAddress(chain.get(i));
            if (hop == null) {
                break;
            }
            if (!isTrusted(hop)) {
                return hop.getHostAddress();
            }
        }
        return peer.getHostAddress();
    }

    /**
     * @return true when the browser reached us over HTTPS: the connection itself is TLS, or a
     * trusted proxy says so in {@code X-Forwarded-Proto}
     */
    public boolean isHttps(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        InetAddress peer = peer(request);
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        return peer != null
                && isTrusted(peer)
                && proto != null
                && proto.split(",")[0].strip().toLowerCase(Locale.ROOT).equals("https");
    }

    private boolean isTrusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trusted.stream().anyMatch(rule -> rule.matches(socket));
    }

    private static InetAddress peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    private static List<String> forwardedFor(HttpRequest<?> request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    /** Parses a literal address without ever resolving a host name; null when it is not one. */
    private static InetAddress parseAddress(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return NetUtil.createInetAddressFromIpAddressString(literal);
    }

    static List<IpSubnetFilterRule> parse(String ranges) {
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String entry : ranges.split(",")) {
            String range = entry.strip();
            if (range.isEmpty()) {
                continue;
            }
            int slash = range.indexOf('/');
            InetAddress address = parseAddress(slash < 0 ? range : range.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(
                        "TRUSTED_PROXIES: '" + range + "' is not an IP address or CIDR range");
            }
            int maxBits = address.getAddress().length * 8;
            int bits;
            try {
                bits = slash < 0 ? maxBits : Integer.parseInt(range.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: '" + range + "' has a bad prefix length", e);
            }
            if (bits < 0 || bits > maxBits) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: '" + range + "' has a bad prefix length");
            }
            rules.add(new IpSubnetFilterRule(address, bits, IpFilterRuleType.ACCEPT));
        }
        return List.copyOf(rules);
    }
}
