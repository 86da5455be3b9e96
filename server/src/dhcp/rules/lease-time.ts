/**
 * RFC 2131 §3.3: a lease is a period of time the client may use the address; option 51 carries it
 * in seconds, 0xffffffff meaning infinity. A zero lease must be renewed at once; one beyond a year
 * keeps departed clients' addresses for that long (write `infinite` when that is meant); a value
 * the server cannot read stops it (dhcpd "Bogus number", Kea "expecting integer", dnsmasq "bad
 * dhcp-range").
 *
 *     default-lease-time 0;                        # flagged: zero lease
 *     dhcp-range=192.168.0.50,192.168.0.150,999d   # flagged: more than a year
 */
import type { DhcpRule } from '../rule';
import { parserReported, scopeLabel, SERVER } from './addressing';

/** Longer than this is taken for a mistake (IOS allows at most 365 days 23:59). */
export const MAX_SANE_LEASE_SECONDS = 365 * 86400;
/** RFC 2131: 0xffffffff seconds is an infinite lease. */
const INFINITE_SECONDS = 0xffffffff;

function duration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} days`;
  if (seconds >= 86400) return `${seconds} s (about ${Math.round(seconds / 86400)} days)`;
  return `${seconds} s`;
}

export const leaseTime: DhcpRule = {
  meta: {
    id: 'dhcp/lease-time',
    language: 'dhcp',
    description: 'A lease time that is zero, longer than a year, or unreadable.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 2131 §3.3 (interpretation of the lease time); RFC 2132 §9.2 (IP Address Lease Time)',
  },
  check(ctx, report) {
    const { file } = ctx;
    for (const scope of file.scopes) {
      for (const [lease, what] of [[scope.lease, 'lease time'], [scope.maxLease, 'maximum lease time']] as const) {
        if (!lease || lease.seconds === 'infinite') continue;
        const where = `The ${what} of ${scopeLabel(scope)}`;
        if (lease.seconds === undefined) {
          if (parserReported(file, lease.span, true)) continue;
          report({ file: file.path, span: lease.span, severity: 'error', message: `${where}, "${lease.raw}", cannot be read as a duration: ${SERVER[file.dialect]} refuses it.` });
        } else if (lease.seconds === 0) {
          report({ file: file.path, span: lease.span, message: `${where} is zero: clients must renew at once and may lose their address between renewals. Use a real lease, such as 86400 seconds (one day).` });
        } else if (lease.seconds > MAX_SANE_LEASE_SECONDS && lease.seconds < INFINITE_SECONDS) {
          report({ file: file.path, span: lease.span, message: `${where} is ${duration(lease.seconds)}, more than a year: addresses of clients that left stay taken that long. Use days or weeks, or say infinite if that is meant.` });
        }
      }
    }
  },
};
