/**
 * What is at an offset of a parsed DHCP file: the scope, the option, the network. Shared by the
 * hover, the lens, the compute-routes command and the refactors, so all of them agree on what
 * "the current pool" is.
 */
import type { Span } from '../core/text';
import { parentPools, effectiveOptions } from './inheritance';
import { formatIPv4 } from './ipv4';
import type { DhcpFile, DhcpOption, DhcpScope } from './model';
import { optionInfo } from './options.data';

export const within = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

/** The innermost scope whose block holds `offset`, else the file's global scope. */
export function scopeAt(file: DhcpFile, offset: number): DhcpScope {
  let best = file.global;
  for (const s of file.scopes) {
    if (s === file.global || !within(s.span, offset)) continue;
    if (best === file.global || s.span.end - s.span.start <= best.span.end - best.span.start) best = s;
  }
  return best;
}

/** The option statement at `offset` (its whole span), with the scope it is set in. */
export function optionAt(file: DhcpFile, offset: number): { option: DhcpOption; scope: DhcpScope } | undefined {
  let found: { option: DhcpOption; scope: DhcpScope } | undefined;
  for (const scope of file.scopes) {
    for (const option of scope.options) {
      if (!within(option.span, offset)) continue;
      // Nested statements (a Kea entry inside its subnet's span) are never options of two scopes,
      // but spans may touch at a boundary: prefer the one whose value holds the offset.
      if (!found || within(option.valueSpan, offset)) found = { option, scope };
    }
  }
  return found;
}

/** The IPv4 addresses an option's text holds, in order (`10.0.0.1, 10.0.0.2`, `10.0.0.1 10.0.0.2`, `option:router,10.0.0.1`). */
export function addressesIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.]|\/)/g)) {
    const octets = m.slice(1, 5).map(Number);
    if (octets.every((o) => o <= 255)) out.push(((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0);
  }
  return out;
}

/** The first default router (option 3) `scope` sends to every client, set there or inherited. */
export function defaultRouterOf(file: DhcpFile, scope: DhcpScope): number | undefined {
  const router = effectiveOptions(scope, parentPools(file)).find((e) => e.option.code === 3 && !e.option.tags?.length);
  return router ? addressesIn(router.option.value)[0] : undefined;
}

/** How a scope is named in hovers: `pool \`office\``, `subnet 10.0.0.0/24`, `the global scope`. */
export function scopeLabel(scope: DhcpScope): string {
  if (scope.kind === 'global') return 'the global scope';
  if (scope.name) return `${scope.kind} \`${scope.name.value}\``;
  const n = scope.networks[0];
  return n ? `${scope.kind} ${formatIPv4(n.value.address)}/${n.value.length}` : scope.kind;
}

/** An option as people name it: its name as written, else the option table's title. */
export function optionLabel(option: DhcpOption): string {
  const title = option.code !== undefined ? optionInfo(option.code)?.title : undefined;
  if (option.name && option.code !== undefined) return `${option.name} (option ${option.code})`;
  if (option.name) return option.name;
  return option.code !== undefined ? `option ${option.code}${title ? ` (${title.toLowerCase()})` : ''}` : 'option';
}
