package dev.paas.docker;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Subnets for owners' networks: a random /26 of {@code 10.112.0.0/12}, another one when Docker says it overlaps. */
final class OwnerSubnets {

    private OwnerSubnets() {
    }

    static String random() {
        int index = ThreadLocalRandom.current().nextInt(1 << 14);
        int address = (10 << 24) | (112 << 16) | (index << 6);
        return ((address >>> 24) & 255) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "."
                + (address & 255) + "/26";
    }

    static boolean taken(String dockerMessage) {
        String message = dockerMessage == null ? "" : dockerMessage.toLowerCase(Locale.ROOT);
        return message.contains("overlap");
    }
}
