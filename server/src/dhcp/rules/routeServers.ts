/**
 * What each server itself refuses in an option 121/249 value, measured against the real programs
 * (kea-dhcp4 2.2.0 `-t`, dnsmasq 2.89 `--test`, dhcpd 4.4.3 `-t`): the line between an `error`
 * (the server will not load the file) and a `warning` (it loads and sends the bytes as written).
 */
import { atLeast, isVersion } from '../../core/version';

/**
 * Kea reads `csv-format: false` data as plain hex (optionally `0x`, lowercase x, odd length
 * padded), or bytes of one or two digits separated by single `:` or single spaces; nothing else:
 * `2001.0101` (Cisco dots), `2001 0101`, `20-01`, `0X20`, surrounding spaces are all refused with
 * "option data is not a valid string of hexadecimal digits".
 */
const KEA_HEX = /^(?:(?:0x)?[0-9a-fA-F]*|[0-9a-fA-F]{1,2}(?::[0-9a-fA-F]{1,2})+|[0-9a-fA-F]{1,2}(?: [0-9a-fA-F]{1,2})+)$/;

export const keaReadsHex = (value: string): boolean => KEA_HEX.test(value);

/** The first Kea with a built-in `classless-static-route` (code 121) definition reading route lists. */
export const KEA_ROUTES_SINCE = '2.6.0';

/** True when the configured Kea knows `classless-static-route`; unset means older (Debian 12 ships 2.2). */
export function keaKnowsRoutes(keaVersion: string | undefined): boolean {
  return keaVersion !== undefined && isVersion(keaVersion) && atLeast(keaVersion, KEA_ROUTES_SINCE);
}

const DOTTED_QUAD = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * dnsmasq reads a `dhcp-option` value made only of digits, dots, slashes and commas as addresses
 * (`A.B.C.D/LEN` becomes RFC 3442 width and significant octets) and stops with "bad IPv4 address"
 * when an element's address part is not a strict dotted quad (`300.1.1.1`, `1.1.1`, `01.1.1.1`,
 * an empty element). A value with any other character is sent as a string, which it accepts.
 */
export function dnsmasqRefusesList(value: string): boolean {
  if (!/^[\d./,]*$/.test(value) || !/[./]/.test(value)) return false;
  return value.split(',').some((item) => {
    const slash = item.indexOf('/');
    return !DOTTED_QUAD.test(slash < 0 ? item : item.slice(0, slash));
  });
}

/** dnsmasq refuses a `dhcp-option` value longer than this ("dhcp-option too long"); dhcpd and Kea split longer values (RFC 3396). */
export const DNSMASQ_MAX_OPTION_BYTES = 255;
