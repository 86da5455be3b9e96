/**
 * `tlsnet route121 encode|decode`: option 121 classless static routes on the command line, the
 * stable contract of issue 5. `encode` prints one server's spelling; `decode` reads any spelling
 * and prints `{"routes": [{"destination": "10.0.0.0/8", "gateway": "192.168.0.1"}]}`.
 */
import { parse as parseJsonc } from 'jsonc-parser';
import { formatIPv4 } from '../dhcp/ipv4';
import { decodeFullDestinations, decodeRoutes, encodeRoutes, formatRoutes, parseRouteInput, parseRouteText, type Route, type RouteFormat, type RouteTextForm } from '../dhcp/route121';

const FORMATS: readonly RouteFormat[] = ['hex', 'cisco', 'isc', 'kea', 'dnsmasq', 'mikrotik'];

/** A usage error (exit 2, with the usage text) or what to print and the exit code. */
export type Route121Outcome = { usage: string } | { exit: 0 | 1; stdout: string; stderr: string };

export function route121(argv: string[]): Route121Outcome {
  const [sub, ...rest] = argv;
  if (sub === 'encode') return encode(rest);
  if (sub === 'decode') return decode(rest);
  return { usage: sub === undefined ? 'route121 needs "encode" or "decode"' : `unknown route121 command "${sub}" (encode or decode)` };
}

function encode(argv: string[]): Route121Outcome {
  let format: RouteFormat = 'hex';
  let keaVersion: string | undefined;
  const routes: Route[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const option = /^(--format|--kea-version)(?:=(.*))?$/.exec(a);
    if (option) {
      const v = option[2] ?? argv[++i];
      if (v === undefined) return { usage: `${option[1]} needs a value` };
      if (option[1] === '--kea-version') {
        if (!/^\d+\.\d+(\.\d+)?$/.test(v)) return { usage: `--kea-version needs a version such as 2.6.1, got "${v}"` };
        keaVersion = v;
      } else if (!(FORMATS as readonly string[]).includes(v)) return { usage: `unknown format "${v}" (${FORMATS.join(', ')})` };
      else format = v as RouteFormat;
      continue;
    }
    if (a.startsWith('-')) return { usage: `unknown option ${a}` };
    const parsed = parseRouteInput(a);
    if (parsed.errors.length) return { usage: `route "${a}": ${parsed.errors[0].message}` };
    if (parsed.routes.length !== 1) return { usage: `"${a}" is not one route: write DEST/LEN,GATEWAY` };
    routes.push(parsed.routes[0]);
  }
  if (!routes.length) return { usage: 'encode needs at least one route: DEST/LEN,GATEWAY (e.g. 10.0.0.0/8,192.168.0.1)' };
  const size = encodeRoutes(routes).length;
  const stderr = size > 255 ? `tlsnet: warning: the value is ${size} bytes; one option instance holds at most 255 (longer ones are split as RFC 3396 says, which not every client supports)\n` : '';
  return { exit: 0, stdout: `${formatRoutes(routes, format, { keaVersion })}\n`, stderr };
}

function decode(argv: string[]): Route121Outcome {
  if (argv.some((a) => a.startsWith('--'))) return { usage: `unknown option ${argv.find((a) => a.startsWith('--')) ?? ''}` };
  if (!argv.length) return { usage: 'decode needs a value, e.g. 2001010101c0a80001' };
  const value = unwrap(argv.join(' '));
  const parsed = parseRouteText(value.text, value.form);
  if ('error' in parsed) {
    const e = parsed.error;
    return { exit: 1, stdout: '', stderr: `tlsnet: malformed value: byte ${e.byteOffset} (character ${e.offset}): ${e.message}\n` };
  }
  const decoded = decodeRoutes(parsed.bytes);
  if (decoded.error) {
    // The calculator mistake (destinations written in full): say what was meant and its right spelling.
    const meant = decodeFullDestinations(parsed.bytes);
    const hint = meant ? `tlsnet: it reads as ${meant.map((r) => `${formatIPv4(r.destination)}/${r.width} via ${formatIPv4(r.gateway)}`).join(', ')} with each destination written in full (4 bytes), a mistake some calculators make; RFC 3442 writes only the significant octets: ${formatRoutes(meant, 'hex')}\n` : '';
    return { exit: 1, stdout: '', stderr: `tlsnet: malformed value: ${decoded.error.message}\n${hint}` };
  }
  const items = decoded.routes.map((r) => `{"destination": ${JSON.stringify(`${formatIPv4(r.destination)}/${r.width}`)}, "gateway": ${JSON.stringify(formatIPv4(r.gateway))}}`);
  return { exit: 0, stdout: `{"routes": [${items.join(', ')}]}\n`, stderr: '' };
}

/**
 * The value inside a whole spelling, so that every `encode --format` output decodes again:
 * Cisco `option 121 hex …`, ISC `option NAME …;`, dnsmasq `dhcp-option=121,…`, a Kea
 * option-data object, MikroTik `value=0x…`. Anything else is the value itself.
 */
function unwrap(input: string): { text: string; form?: RouteTextForm } {
  const text = input.trim();
  if (text.startsWith('{')) {
    const obj: unknown = parseJsonc(text);
    if (obj && typeof obj === 'object' && typeof (obj as { data?: unknown }).data === 'string') {
      const o = obj as { data: string; 'csv-format'?: unknown; name?: unknown };
      return { text: o.data, form: o['csv-format'] === false ? 'hex' : undefined };
    }
    return { text };
  }
  const cisco = /^option\s+\d+\s+hex\s+(.*)$/is.exec(text);
  if (cisco) return { text: cisco[1], form: 'hex' };
  const isc = /^option\s+[\w.-]+\s+(.*?);?$/is.exec(text);
  if (isc) return { text: isc[1] };
  const dnsmasq = /^(?:--)?dhcp-option(?:-force)?=(?:(?:tag|set|encap|vendor|vi-encap):[^,]*,)*(?:option:[\w-]+|\d+),(.*)$/is.exec(text);
  if (dnsmasq) return { text: dnsmasq[1] };
  const mikrotik = /^value=(.*)$/is.exec(text);
  return { text: mikrotik ? mikrotik[1] : text };
}
