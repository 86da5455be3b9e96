/**
 * The "Compute classless static routes" command's core: the routes a user typed
 * (`10.0.0.0/8 via 192.168.0.1; 0.0.0.0/0 via 192.168.0.1`) become edits in the open file's
 * dialect, into the scope at the cursor (replacing its option 121 if it has one), plus every
 * vendor's spelling for the copy menu. Pure.
 */
import type { Edit } from '../core/finding';
import type { Settings } from '../core/settings';
import { formatIPv4, maskOf } from './ipv4';
import { defaultRouterOf, optionAt, scopeAt } from './locate';
import type { DhcpFile, DhcpOption, DhcpScope } from './model';
import { routesOfOption } from './optionRoutes';
import { encodeRoutes, formatRoutes, parseRouteInput, type Route, type RouteFormat } from './route121';
import { writeRoutes } from './writeRoutes';

export const ROUTE_FORMATS: readonly RouteFormat[] = ['hex', 'cisco', 'isc', 'kea', 'dnsmasq', 'mikrotik'];

export interface ComputeResult {
  /** Problems with the input, by 1-based route (segments split at `;` or line breaks). */
  errors: Array<{ line: number; message: string }>;
  routes: Route[];
  /** The edits writing the routes into `file`; absent without a file or with errors. */
  edits?: Edit[];
  /** The routes in every spelling; empty with errors. */
  spellings: Partial<Record<RouteFormat, string>>;
}

/** One option instance holds at most 255 bytes. */
const MAX_BYTES = 255;

/** Routes typed in an input box: `;` separates routes like a line break does. */
export function parseRoutesTyped(input: string): { routes: Route[]; errors: Array<{ line: number; message: string }> } {
  const parsed = parseRouteInput(input.replace(/;/g, '\n'));
  if (!parsed.errors.length && !parsed.routes.length) return { routes: [], errors: [{ line: 1, message: 'enter at least one route, e.g. 10.0.0.0/8 via 192.168.0.1' }] };
  const size = encodeRoutes(parsed.routes).length;
  if (!parsed.errors.length && size > MAX_BYTES) return { routes: parsed.routes, errors: [{ line: parsed.routes.length, message: `${size} bytes: one option 121 holds at most ${MAX_BYTES}` }] };
  return parsed;
}

export function computeRoutes(input: string, settings: Settings, at?: { file: DhcpFile; offset: number }): ComputeResult {
  const { routes, errors } = parseRoutesTyped(input);
  if (errors.length) return { errors, routes, spellings: {} };
  const opts = { keaVersion: settings.dhcp.keaVersion, code: 121 as const };
  const spellings: Partial<Record<RouteFormat, string>> = {};
  for (const f of ROUTE_FORMATS) spellings[f] = formatRoutes(routes, f, opts);
  if (!at) return { errors, routes, spellings };
  const { scope, offset } = targetScope(at.file, at.offset);
  const edits = writeRoutes({ file: at.file, scope, offset, replace: replaced(at.file, scope, at.offset), code: 121, keaVersion: settings.dhcp.keaVersion }, routes);
  return { errors, routes, edits, spellings };
}

/**
 * The option 121 the new routes replace: the one under the cursor, else the scope's own (untagged)
 * one. dnsmasq writes every option at the top level, so there only the one under the cursor.
 */
function replaced(file: DhcpFile, scope: DhcpScope, offset: number): DhcpOption | undefined {
  const here = optionAt(file, offset);
  if (here?.option.code === 121) return here.option;
  return file.dialect === 'dnsmasq' ? undefined : scope.options.find((o) => o.code === 121 && !o.tags?.length);
}

/**
 * The scope the cursor is in, and where a new statement goes. In IOS a pool ends at its last
 * sub-command, so a cursor on the blank lines after one still means that pool, whose last line
 * the statement then follows.
 */
export function targetScope(file: DhcpFile, offset: number): { scope: DhcpScope; offset: number } {
  const scope = scopeAt(file, offset);
  if (scope !== file.global || file.dialect !== 'cisco-ios') return { scope, offset };
  const before = file.scopes.filter((s) => s !== file.global && s.span.end <= offset && !/\S/.test(file.text.slice(s.span.end, offset)));
  const pool = before[before.length - 1];
  return pool ? { scope: pool, offset: pool.span.end } : { scope, offset };
}

/** What the input box starts with: the scope's current routes, and the default route via its router if they lack one. */
export function suggestedRoutes(file: DhcpFile, offset: number): string {
  const { scope } = targetScope(file, offset);
  const existing = replaced(file, scope, offset);
  const decoded = existing ? routesOfOption(existing) : undefined;
  const routes = decoded && !decoded.problems.length ? decoded.routes : [];
  const router = defaultRouterOf(file, scope);
  const typed = routes.map((r) => `${formatIPv4((r.destination & maskOf(r.width)) >>> 0)}/${r.width} via ${formatIPv4(r.gateway)}`);
  // Clients that take option 121 drop option 3: offer the default route whenever there is a router.
  if (router !== undefined && !routes.some((r) => r.width === 0)) typed.push(`0.0.0.0/0 via ${formatIPv4(router)}`);
  return typed.join('; ');
}
