import { dhcpRuleTester } from '../../dhcpRuleTester';

// Option 82 patterns exist only in Cisco IOS (`ip dhcp class` → `relay agent information`).
const cls = (pattern: string): string => `ip dhcp class VLAN10\n relay agent information\n  relay-information hex ${pattern}\n`;

dhcpRuleTester('dhcp/option82-malformed', {
  valid: [
    { name: 'circuit-id and remote-id (the domain note example)', dialect: 'cisco-ios', code: cls('010600040001000002080006aabbcc000100') },
    { name: 'prefix match: the last sub-option may be cut short', dialect: 'cisco-ios', code: cls('010600040001000002080006aabb*') },
    { name: 'prefix match with a separate star', dialect: 'cisco-ios', code: cls('0106000400010000020800 *') },
    { name: 'dotted hex', dialect: 'cisco-ios', code: cls('0106.0004.000a.0000') },
  ],
  invalid: [
    { name: 'remote-id one byte short', dialect: 'cisco-ios', code: cls('010600040001000002080006aabbcc0001'), lines: [3], severity: 'warning', message: 'byte 8' },
    { name: 'a lone trailing byte', dialect: 'cisco-ios', code: cls('01060004000100000c'), lines: [3], message: 'trailing byte' },
    { name: 'circuit-id longer than the value', dialect: 'cisco-ios', code: `ip dhcp class A\n relay agent information\n  relay-information hex 0120aabb\n  relay-information hex 0102aabb\n`, lines: [3] },
  ],
});
