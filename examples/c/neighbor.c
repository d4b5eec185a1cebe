/*
 * neighbor: what a router daemon wants to know about an IPv6 address, through libipv6kit.
 *
 *   ./neighbor 2001:db8:ebbd:2080:ba27:ebff:fe6c:288
 *
 * Prints the MAC the address was formed from (when its interface identifier is a modified
 * EUI-64), the solicited-node group to join and the Ethernet multicast MAC to listen on for it,
 * and a Router Solicitation from the address built into a caller buffer, as hex.
 */
#include <ipv6kit.h>

#include <stdio.h>
#include <string.h>

static int fail(const char *what, ipv6kit_result rc) {
    char detail[256];
    size_t n;
    if (ipv6kit_last_error_message(detail, sizeof detail, &n) != IPV6KIT_RESULT_OK) detail[0] = '\0';
    fprintf(stderr, "neighbor: %s: %s (%s)\n", what, ipv6kit_result_message(rc), detail);
    return 1;
}

int main(int argc, char **argv) {
    uint8_t addr[16], iid[8], mac[6], group[16], group_mac[6];
    char text[IPV6KIT_ADDRESS_TEXT_SIZE], mac_text[IPV6KIT_MAC_TEXT_SIZE];
    size_t n;
    ipv6kit_result rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s IPV6-ADDRESS\n", argv[0]);
        return 2;
    }
    if ((rc = ipv6kit_address_parse(argv[1], strlen(argv[1]), addr)) != IPV6KIT_RESULT_OK)
        return fail(argv[1], rc);
    if ((rc = ipv6kit_address_format(addr, text, sizeof text, &n)) != IPV6KIT_RESULT_OK)
        return fail("format", rc);
    printf("address:               %s\n", text);

    /* Which MAC did it come from? */
    if ((rc = ipv6kit_iid_of(addr, iid)) != IPV6KIT_RESULT_OK) return fail("interface identifier", rc);
    rc = ipv6kit_iid_to_mac(iid, mac);
    if (rc == IPV6KIT_RESULT_OK) {
        if ((rc = ipv6kit_mac_format(mac, mac_text, sizeof mac_text, &n)) != IPV6KIT_RESULT_OK)
            return fail("format", rc);
        printf("formed from MAC:       %s (modified EUI-64)\n", mac_text);
    } else if (rc == IPV6KIT_RESULT_NOT_FOUND) {
        printf("formed from MAC:       none (the interface identifier is not a modified EUI-64)\n");
    } else {
        return fail("MAC", rc);
    }

    /* Which group to join, and which multicast MAC to accept frames for. */
    rc = ipv6kit_solicited_node_checked(addr, group);
    if (rc == IPV6KIT_RESULT_IS_MULTICAST) {
        printf("solicited-node group:  none (a multicast address has none)\n");
    } else if (rc != IPV6KIT_RESULT_OK) {
        return fail("solicited-node group", rc);
    } else {
        if ((rc = ipv6kit_address_format(group, text, sizeof text, &n)) != IPV6KIT_RESULT_OK)
            return fail("format", rc);
        if ((rc = ipv6kit_multicast_mac(group, group_mac)) != IPV6KIT_RESULT_OK) return fail("multicast MAC", rc);
        if ((rc = ipv6kit_mac_format(group_mac, mac_text, sizeof mac_text, &n)) != IPV6KIT_RESULT_OK)
            return fail("format", rc);
        printf("solicited-node group:  %s\n", text);
        printf("listen on MAC:         %s\n", mac_text);
    }

    /* A Router Solicitation from this address, with the MAC (when known) as its Source
     * Link-layer Address option, checksum computed: ready for a raw ICMPv6 socket. */
    {
        uint8_t rs[64];
        size_t rs_len, i;
        ipv6kit_ndp_envelope env;
        bool have_mac = ipv6kit_iid_to_mac(iid, mac) == IPV6KIT_RESULT_OK;
        rc = ipv6kit_ndp_build_router_solicitation(addr, have_mac ? mac : NULL, rs, sizeof rs, &rs_len, &env);
        if (rc != IPV6KIT_RESULT_OK) return fail("router solicitation", rc);
        if ((rc = ipv6kit_address_format(env.destination, text, sizeof text, &n)) != IPV6KIT_RESULT_OK)
            return fail("format", rc);
        printf("router solicitation:   %zu bytes to %s, hop limit %u:\n                      ", rs_len, text,
               (unsigned)env.hop_limit);
        for (i = 0; i < rs_len; i++) printf(" %02x", rs[i]);
        printf("\n");
    }
    return 0;
}
