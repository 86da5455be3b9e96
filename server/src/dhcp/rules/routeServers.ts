/**
 * What dnsmasq itself refuses in an option 121/249 value, measured against dnsmasq 2.89
 * `--test`: the line between an `error` (it will not load the file) and a `warning` (it loads and
 * sends the bytes as written).
 */
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
