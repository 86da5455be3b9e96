/**
 * Refactorings on DHCP options (code action kind `refactor.rewrite`): option 33's classful routes
 * rewritten as option 121 (with the default route, which 121 clients no longer take from option
 * 3), and option 121/249 between the spellings one server accepts — dhcpd decimal array ↔ colon
 * hex (the spelling follows the option's definition, so both change), Kea hex ↔ the 2.6+ route
 * list, dnsmasq route list ↔ hex. IOS (`hex`) and RouterOS (`0x…`) have one spelling each: nothing to offer. Pure.
 */
import type { Edit } from '../core/finding';
import type { Settings } from '../core/settings';
import type { Span } from '../core/text';
import { toHex } from './hexText';
import { formatIPv4 } from './ipv4';
import { defaultRouterOf, optionAt } from './locate';
import type { DhcpFile, DhcpOption, DhcpScope, OptionDefinition } from './model';
import { routesOfOption } from './optionRoutes';
import { formatRoutes, type Route } from './route121';
import { staticRoutesOf } from './staticRoutes';
import { writeRoutes } from './writeRoutes';

export interface DhcpRefactor {
  title: string;
  edits: Edit[];
  preferred?: boolean;
}

export function dhcpRefactors(file: DhcpFile, span: Span, settings: Settings): DhcpRefactor[] {
  const at = optionAt(file, span.start);
  if (!at) return [];
  const { option, scope } = at;
  if (option.code === 33) return fromOption33(file, scope, option, settings);
  if (option.code === 121 || option.code === 249) return respell(file, option, option.code, settings);
  return [];
}

function fromOption33(file: DhcpFile, scope: DhcpScope, option: DhcpOption, settings: Settings): DhcpRefactor[] {
  // With a 121 in the scope clients already ignore option 33 (RFC 3442 §1): nothing to convert into.
  if (scope.options.some((o) => o.code === 121)) return [];
  const { routes, problem } = staticRoutesOf(option);
  if (problem || !routes.length) return [];
  const all: Route[] = routes.map((r) => ({ destination: r.destination, width: r.width, gateway: r.gateway }));
  const router = defaultRouterOf(file, scope);
  const addDefault = router !== undefined && !all.some((r) => r.width === 0);
  if (addDefault) all.push({ destination: 0, width: 0, gateway: router });
  const note = addDefault ? ` (with the default route via ${formatIPv4(router)})` : '';
  const target = { file, scope, keaVersion: settings.dhcp.keaVersion, code: 121 as const };
  return [
    { title: `Convert option 33 to option 121${note}`, edits: writeRoutes({ ...target, offset: option.span.end, replace: option }, all), preferred: true },
    { title: `Add option 121 with option 33's routes${note}, keeping option 33`, edits: writeRoutes({ ...target, offset: option.span.end, like: option }, all) },
  ];
}

/** Routes of an option when it decodes cleanly, else undefined (a broken value is not rewritten). */
function cleanRoutes(option: DhcpOption): { routes: Route[]; bytes: Uint8Array } | undefined {
  const { routes, problems, bytes } = routesOfOption(option);
  return !problems.length && routes.length && bytes && option.exact ? { routes, bytes } : undefined;
}

const colonHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => toHex(Uint8Array.of(b))).join(':');
const decimal = (routes: readonly Route[]): string => routes.map((r) => formatRoutes([r], 'isc').replace(/^option \S+ |;$/g, '')).join(', ');

function respell(file: DhcpFile, option: DhcpOption, code: 121 | 249, settings: Settings): DhcpRefactor[] {
  const clean = cleanRoutes(option);
  if (!clean) return [];
  const replaceValue = (newText: string): Edit => ({ file: file.path, span: option.valueSpan, newText });
  switch (file.dialect) {
    case 'cisco-ios':
    case 'mikrotik':
      return [];
    case 'dnsmasq':
      if (option.format === 'routes') return [{ title: `Rewrite option ${code} as hex bytes`, edits: [replaceValue(colonHex(clean.bytes))] }];
      return [{ title: `Rewrite option ${code} as a route list`, edits: [replaceValue(formatRoutes(clean.routes, 'dnsmasq').replace(/^dhcp-option=\d+,/, ''))] }];
    case 'kea': {
      const target = { file, scope: file.global, offset: option.span.end, replace: option, code };
      if (option.format === 'routes') return [{ title: `Rewrite option ${code} as hex data (any Kea version)`, edits: writeRoutes({ ...target, keaVersion: undefined }, clean.routes) }];
      if (code === 121 && keaKnowsRoutes(settings.dhcp.keaVersion)) return [{ title: `Rewrite option ${code} as a Kea 2.6+ route list`, edits: writeRoutes({ ...target, keaVersion: settings.dhcp.keaVersion }, clean.routes) }];
      return [];
    }
    case 'dhcpd':
      return respellIsc(file, option, code);
  }
}

/** True for Kea 2.6 or later, which knows `classless-static-route` by name. */
function keaKnowsRoutes(version: string | undefined): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  return !!m && (Number(m[1]) > 2 || (Number(m[1]) === 2 && Number(m[2]) >= 6));
}

/**
 * dhcpd parses a value by its option's definition: `array of unsigned integer 8` takes decimals,
 * `string` takes colon hex. Rewriting one means rewriting the definition and every value of the
 * option in the file, so it is offered only when the definition is here and every value decodes.
 */
function respellIsc(file: DhcpFile, option: DhcpOption, code: number): DhcpRefactor[] {
  const def = file.definitions.find((d) => d.code.value === code);
  const typeSpan = def ? definitionType(file, def) : undefined;
  if (!def || !typeSpan) return [];
  const uses = file.scopes.flatMap((s) => s.options.filter((o) => o.code === code));
  const decoded = uses.map((o) => ({ o, clean: cleanRoutes(o) }));
  if (decoded.some((d) => !d.clean)) return [];
  const toHexForm = option.format === 'decimal';
  if (!decoded.every((d) => d.o.format === option.format) || (option.format !== 'decimal' && option.format !== 'hex')) return [];
  const name = def.name.value;
  const edits: Edit[] = [{ file: file.path, span: typeSpan, newText: toHexForm ? 'string' : 'array of unsigned integer 8' }];
  for (const { o, clean } of decoded) {
    if (clean) edits.push({ file: file.path, span: o.valueSpan, newText: toHexForm ? colonHex(clean.bytes) : decimal(clean.routes) });
  }
  const many = uses.length > 1 ? ` (${uses.length} values)` : '';
  return [
    toHexForm
      ? { title: `Rewrite option ${name} as colon hex${many}, defined as a string`, edits }
      : { title: `Rewrite option ${name} as a decimal array${many}, defined as array of unsigned integer 8`, edits },
  ];
}

/** The type in `option NAME code N = TYPE;`: from after `=` to before `;`. */
function definitionType(file: DhcpFile, def: OptionDefinition): Span | undefined {
  const text = file.text.slice(def.span.start, def.span.end);
  const m = /=\s*([^;]*?)\s*;?\s*$/.exec(text);
  if (!m || !m[1]) return undefined;
  const start = def.span.start + m.index + m[0].indexOf(m[1]);
  return { start, end: start + m[1].length };
}
