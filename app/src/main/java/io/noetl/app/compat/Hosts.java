package io.noetl.app.compat;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hosts named in text: which URLs leave this machine. */
final class Hosts {

    private static final Pattern URL = Pattern.compile("\\b(?:https?|wss?|grpc|nats|postgres(?:ql)?|redis)://"
            + "([^\\s\"'/?#:{}<>|`]+)");
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");

    private Hosts() {
    }

    /**
     * @return true for the loopback names and addresses, and for names under {@code .invalid}, which never resolve
     *         (RFC 2606: a call to one fails here, without reaching anything)
     */
    static boolean staysHere(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return LOCAL.contains(h) || h.endsWith(".localhost") || h.startsWith("127.") || h.endsWith(".invalid");
    }

    /** Hosts of the absolute URLs written in {@code text} that are not this machine, in order of appearance. */
    static Set<String> remote(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String host = m.group(1);
            int at = host.lastIndexOf('@');
            host = at >= 0 ? host.substring(at + 1) : host;
            if (!host.isEmpty() && !staysHere(host)) {
                out.add(host);
            }
        }
        return out;
    }

    /** The host of a URL, or null when it has none (a relative or malformed URL). */
    static String hostOf(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null || host.isEmpty() ? null : host;
        } catch (IllegalArgumentException e) {
            Matcher m = URL.matcher(url);
            return m.find() ? m.group(1) : null;
        }
    }
}
