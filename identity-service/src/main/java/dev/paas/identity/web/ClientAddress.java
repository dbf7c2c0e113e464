package dev.paas.identity.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's address for audit and login throttling: {@code X-Paas-Client-Ip} as the gateway sets it (it strips
 * any value a client sent), else the TCP peer.
 */
public final class ClientAddress {

    public static final String HEADER = "X-Paas-Client-Ip";
    private static final int MAX_LENGTH = 100;

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader(HEADER);
        String address = forwarded == null || forwarded.isBlank() ? request.getRemoteAddr() : forwarded.strip();
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }
}
