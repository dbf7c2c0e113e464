package dev.paas.runtime.container;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback addresses for replicas: every replica publishes its app port on an address of its own in
 * {@code 127.80.0.0/12} (about a million addresses, all on the host's loopback interface), so that the ingress
 * DNS server can name replicas by address alone and every replica can use the same port. An address is drawn at
 * random; when Docker reports it taken, another one is drawn.
 */
final class LoopbackAddresses {

    private LoopbackAddresses() {
    }

    /** A random address in {@code 127.80.0.1} to {@code 127.95.255.254}. */
    static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int second = 80 + random.nextInt(16);
        int third = random.nextInt(256);
        int fourth = 1 + random.nextInt(254);
        return "127." + second + "." + third + "." + fourth;
    }

    /** Whether Docker's message says the address and port were already in use. */
    static boolean taken(String dockerMessage) {
        String message = dockerMessage == null ? "" : dockerMessage.toLowerCase(java.util.Locale.ROOT);
        return message.contains("address already in use") || message.contains("port is already allocated");
    }
}
