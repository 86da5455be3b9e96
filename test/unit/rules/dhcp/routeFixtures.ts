// Config builders the option 121/249 rule tests share: one subnet, 192.168.0.0/24, default router
// 192.168.0.1, in each dialect, with the case's lines at a known line number. Every builder's
// output is a config its server accepts (checked with dhcpd -t, kea-dhcp4 -t, dnsmasq --test)
// unless the case is about what the server refuses.

/**
 * A Cisco pool; `body` (at one space) starts on line 4.
 *
 *     ip dhcp pool office
 *      network 192.168.0.0 255.255.255.0
 *      default-router 192.168.0.1
 *     <body>
 */
export const cisco = (body: string, router = ' default-router 192.168.0.1\n'): string => `ip dhcp pool office\n network 192.168.0.0 255.255.255.0\n${router}${body}`;

/** The dhcpd definition for option 121 as decimal bytes (dhcpd has no built-in name for it). */
export const ISC_DEF = 'option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;\n';
/** The same as a string type, which reads colon hex. */
export const ISC_DEF_STRING = 'option rfc3442-classless-static-routes code 121 = string;\n';

/**
 * A dhcpd subnet; `body` (at two spaces) starts on line 5.
 *
 *     <def>
 *     subnet 192.168.0.0 netmask 255.255.255.0 {
 *       range 192.168.0.10 192.168.0.20;
 *       option routers 192.168.0.1;
 *     <body>}
 */
export const isc = (body: string, def = ISC_DEF, router = '  option routers 192.168.0.1;\n'): string =>
  `${def}subnet 192.168.0.0 netmask 255.255.255.0 {\n  range 192.168.0.10 192.168.0.20;\n${router}${body}}\n`;

/**
 * A Kea subnet; each `entries` line (an option-data object at 10 spaces, with its trailing comma
 * when more follow) starts on line 11.
 *
 *     {
 *       "Dhcp4": {
 *         "interfaces-config": { "interfaces": [] },<top>
 *         "subnet4": [
 *           {
 *             "id": 1,
 *             "subnet": "192.168.0.0/24",
 *             "pools": [ { "pool": "192.168.0.10 - 192.168.0.20" } ],
 *             "option-data": [
 *               { "name": "routers", "data": "192.168.0.1" },
 *     <entries>
 */
export const kea = (entries: string, top = ''): string =>
  `{\n  "Dhcp4": {\n    "interfaces-config": { "interfaces": [] },${top}\n    "subnet4": [\n      {\n        "id": 1,\n        "subnet": "192.168.0.0/24",\n        "pools": [ { "pool": "192.168.0.10 - 192.168.0.20" } ],\n        "option-data": [\n          { "name": "routers", "data": "192.168.0.1" },\n${entries}        ]\n      }\n    ]\n  }\n}\n`;

/** One option-data line for `kea`. */
export const keaEntry = (json: string): string => `          ${json}\n`;

/**
 * A dnsmasq range; `body` starts on line 3.
 *
 *     dhcp-range=192.168.0.10,192.168.0.20,255.255.255.0
 *     dhcp-option=3,192.168.0.1
 *     <body>
 */
export const dnsmasq = (body: string, router = 'dhcp-option=3,192.168.0.1\n'): string => `dhcp-range=192.168.0.10,192.168.0.20,255.255.255.0\n${router}${body}`;

/**
 * A RouterOS export: `options` (`add …` lines of `/ip dhcp-server option`) start on line 2; the
 * network (by default 192.168.0.0/24 with gateway 192.168.0.1) names the option `routes`.
 *
 *     /ip dhcp-server option
 *     <options>
 *     /ip pool
 *     add name=pool ranges=192.168.0.10-192.168.0.20
 *     /ip dhcp-server
 *     add address-pool=pool interface=bridge name=dhcp1
 *     /ip dhcp-server network
 *     <network>
 */
export const mikrotik = (options: string, network = 'add address=192.168.0.0/24 dhcp-option=routes gateway=192.168.0.1\n'): string =>
  `/ip dhcp-server option\n${options}/ip pool\nadd name=pool ranges=192.168.0.10-192.168.0.20\n/ip dhcp-server\nadd address-pool=pool interface=bridge name=dhcp1\n/ip dhcp-server network\n${network}`;
