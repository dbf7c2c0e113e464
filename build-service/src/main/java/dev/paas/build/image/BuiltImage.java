package dev.paas.build.image;

import java.util.List;

/**
 * An image the engine built and tagged.
 *
 * @param id the image id
 * @param tag its tag
 * @param exposedTcpPorts the TCP ports its configuration exposes, lowest first (may be inherited from the base)
 */
public record BuiltImage(String id, String tag, List<Integer> exposedTcpPorts) {

    public BuiltImage {
        exposedTcpPorts = List.copyOf(exposedTcpPorts);
    }
}
