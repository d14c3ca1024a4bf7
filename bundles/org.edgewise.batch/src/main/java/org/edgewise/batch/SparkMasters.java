package org.edgewise.batch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --master} values a batch accepts, checked before Spark starts: Spark's own errors for them are a stack
 * trace, and for an unreachable standalone master only after a minute of retries.
 */
final class SparkMasters {

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://(.+)");
    private static final Pattern HOST_PORT = Pattern.compile("([^:/\\s]+|\\[[0-9a-fA-F:]+]):([0-9]{1,5})");
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private SparkMasters() {
    }

    /**
     * @param master the {@code --master} value
     * @return null when it is {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]} or
     *         {@code spark://HOST:PORT[,HOST:PORT...]}; else one line saying what is accepted
     */
    static String check(String master) {
        if (LOCAL.matcher(master).matches()) {
            return null;
        }
        Matcher standalone = STANDALONE.matcher(master);
        if (standalone.matches()) {
            try {
                addresses(standalone.group(1));
                return null;
            } catch (IllegalArgumentException e) {
                return "--master " + master + ": " + e.getMessage();
            }
        }
        return "--master " + master + ": not a master this batch runs on; use local[*], local[N] or"
                + " spark://HOST:PORT (a standalone cluster)";
    }

    /**
     * Opens and closes a TCP connection to each master of a {@code spark://} URL; local masters need nothing.
     *
     * @param master a valid {@code --master} value (see {@link #check})
     * @return null when a local master or at least one standalone master answers, else one line saying why not
     */
    static String reach(String master) {
        Matcher standalone = STANDALONE.matcher(master);
        if (!standalone.matches()) {
            return null;
        }
        String problem = null;
        for (InetSocketAddress unresolved : addresses(standalone.group(1))) {
            InetSocketAddress address = new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
            if (address.isUnresolved()) {
                problem = "cannot reach the Spark master " + address.getHostString() + ": unknown host";
                continue;
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, CONNECT_TIMEOUT_MS);
                return null;
            } catch (IOException e) {
                problem = "cannot reach the Spark master " + address.getHostString() + ":" + address.getPort() + " ("
                        + RunTask.oneLine(e) + "); is it running, and is --master its spark:// URL?";
            }
        }
        return problem;
    }

    private static List<InetSocketAddress> addresses(String hostPorts) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String hostPort : hostPorts.split(",")) {
            Matcher m = HOST_PORT.matcher(hostPort);
            int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("'" + hostPort + "' is not HOST:PORT");
            }
            String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
            addresses.add(InetSocketAddress.createUnresolved(host, port));
        }
        return addresses;
    }
}
