import { atLeast, isVersion } from '../../core/version';
import type { Span } from '../../core/text';
import { formatIPv4, maskOf } from '../ipv4';
import type { DhcpFile, DhcpOption, DhcpScope } from '../model';
import { routesOfOption, type OptionRoutes } from '../optionRoutes';
import type { Route } from '../route121';
import type { DhcpContext } from '../rule';
import { enclosing, type ScopeIndex } from './addressing';

/** What the option 121/249 rules share: every route option of the analysis, decoded once. */
export interface RouteOption {
  file: DhcpFile;
  scope: DhcpScope;
  option: DhcpOption;
  code: 121 | 249;
  decoded: OptionRoutes;
}

const cache = new WeakMap<DhcpContext, RouteOption[]>();

/** Every option 121 and 249 in the linted file and its includes, with its routes. */
export function routeOptions(ctx: DhcpContext): RouteOption[] {
  let out = cache.get(ctx);
  if (!out) {
    out = [];
    for (const file of ctx.files) {
      for (const scope of file.scopes) {
        for (const option of scope.options) {
          if (option.code === 121 || option.code === 249) out.push({ file, scope, option, code: option.code, decoded: routesOfOption(option) });
        }
      }
    }
    cache.set(ctx, out);
  }
  return out;
}

/**
 * At most this many route findings per value and rule: a pasted table of thousands of routes
 * stays readable, and the fixes (each rewriting the value) stay linear in its size.
 */
export const MAX_ROUTE_FINDINGS = 20;

/** The network a route reaches: the destination with the bits beyond its width cleared. */
export const networkOfRoute = (r: Route): number => (r.destination & maskOf(r.width)) >>> 0;

/** `10.0.0.0/8 via 192.168.0.1`, the destination as written. */
export const routeText = (r: Route): string => `${formatIPv4(r.destination)}/${r.width} via ${formatIPv4(r.gateway)}`;

/** The routes of a value for a message, the first few of them. */
export function routesText(routes: readonly Route[]): string {
  if (!routes.length) return 'no routes';
  const shown = routes.slice(0, 4).map(routeText).join(', ');
  return routes.length > 4 ? `${shown} and ${routes.length - 4} more` : shown;
}

/**
 * True when `other` reaches the clients `option` reaches, as far as tags tell: untagged options go
 * to everyone; tagged ones (dnsmasq tags, Kea client classes) only match the same tags.
 */
export function sameClients(option: DhcpOption, other: DhcpOption): boolean {
  const a = option.tags ?? [];
  const b = other.tags ?? [];
  return b.length === 0 || (a.length === b.length && a.every((t) => b.includes(t)));
}

/** The option with this code a scope sends for `like`'s clients: its own, else the nearest enclosing scope's. */
export function effectiveOption(scope: DhcpScope, code: number, like: DhcpOption, index: ScopeIndex): { scope: DhcpScope; option: DhcpOption } | undefined {
  for (const s of [scope, ...enclosing(scope, index)]) {
    const option = s.options.find((o) => o.code === code && sameClients(like, o));
    if (option) return { scope: s, option };
  }
  return undefined;
}

/** 1-based line of an offset, for messages that point elsewhere in a file. */
export function lineOf(file: DhcpFile, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < file.text.length; i++) if (file.text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * True when the parser reported, over this span, something the configured server refuses: a
 * verdict the parser gave for Kea 2.2 that the configured Kea accepts (`versionDependent`) does
 * not count. Rules then leave the text to dhcp/syntax-error.
 */
export function refusedByParser(ctx: DhcpContext, file: DhcpFile, span: Span): boolean {
  const kea = ctx.settings.dhcp.keaVersion;
  return file.problems.some((p) => {
    const since = p.versionDependent?.acceptedSince;
    if (since && kea && isVersion(kea) && atLeast(kea, since)) return false;
    return p.span.start < Math.max(span.end, span.start + 1) && span.start < Math.max(p.span.end, p.span.start + 1);
  });
}
