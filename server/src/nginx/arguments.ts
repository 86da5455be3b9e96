/**
 * Argument checks as nginx's configuration slots make them (ngx_conf_file.c, ngx_parse.c and the
 * ssl modules' own handlers): counts, on|off, enums, times, sizes, numbers and the session-cache
 * syntax. Each problem names the argument and quotes what nginx -t prints for it.
 */
import type { Arg } from './ast';
import type { DirectiveSpec } from './catalogue';

export interface ArgProblem {
  /** The offending argument; undefined when the count is wrong. */
  arg?: Arg;
  message: string;
}

// ngx_parse_time: number+unit groups, largest unit first, each at most once; a bare number is
// seconds (or milliseconds for msec slots) and must come last.
const UNIT_ORDER = ['y', 'M', 'w', 'd', 'h', 'm', 's', 'ms'];

export function isNginxTime(text: string, seconds: boolean): boolean {
  const s = text.replace(/ /g, '');
  if (!s) return false;
  const re = /(\d+)(ms|[yMwdhms])?/y;
  let last = -1;
  let at = 0;
  while (at < s.length) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (!m) return false;
    at = re.lastIndex;
    if (!m[2]) return at === s.length;
    if (m[2] === 'ms' && seconds) return false;
    const step = UNIT_ORDER.indexOf(m[2]);
    if (step <= last) return false;
    last = step;
  }
  return true;
}

/** ngx_parse_size: a number with an optional k/K or m/M suffix (no g: that is ngx_parse_offset). */
export function parseNginxSize(text: string): number | undefined {
  const m = /^(\d+)([kKmM]?)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === '' ? n : /k/i.test(m[2]) ? n * 1024 : n * 1024 * 1024;
}

const isNumber = (s: string): boolean => /^\d+$/.test(s);
const quoteList = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ').replace(/, ([^,]*)$/, ' or $1');

/** The smallest shared session cache nginx accepts: 8 memory pages of 4 KiB. */
const MIN_SHARED_CACHE = 8 * 4096;

function sessionCacheProblem(args: Arg[]): ArgProblem | undefined {
  for (const a of args) {
    const v = a.value;
    if (v === 'off' || v === 'none' || v === 'builtin') continue;
    const bad = (why: string): ArgProblem => ({ arg: a, message: `invalid session cache "${v}": ${why} The syntax is off | none | [builtin[:size]] [shared:name:size], e.g. "shared:SSL:10m".` });
    if (v.startsWith('builtin:')) {
      if (!isNumber(v.slice(8))) return bad('the builtin cache size is a number of sessions.');
      continue;
    }
    if (v.startsWith('shared:')) {
      const rest = v.slice(7);
      const colon = rest.lastIndexOf(':');
      if (colon <= 0) return bad('a shared cache needs a name and a size.');
      const size = parseNginxSize(rest.slice(colon + 1));
      if (size === undefined) return bad(`"${rest.slice(colon + 1)}" is not a size (use k or m, e.g. 10m).`);
      if (size < MIN_SHARED_CACHE) return { arg: a, message: `session cache "${v}" is too small: a shared cache needs at least 32k (8 memory pages).` };
      continue;
    }
    return bad('it is not off, none, builtin[:size] or shared:name:size.');
  }
  return undefined;
}

function ocspCacheProblem(a: Arg): ArgProblem | undefined {
  const v = a.value;
  if (v === 'off') return undefined;
  const rest = v.startsWith('shared:') ? v.slice(7) : v;
  const colon = rest.lastIndexOf(':');
  if (colon > 0 && parseNginxSize(rest.slice(colon + 1)) !== undefined) return undefined;
  return { arg: a, message: `invalid OCSP cache "${v}": the syntax is off | [shared:]name:size, e.g. "shared:OCSP:10m".` };
}

function objectCacheProblem(name: string, args: Arg[]): ArgProblem | undefined {
  if (args[0]?.value === 'off') return args.length > 1 ? { arg: args[1], message: `"${name} off" takes no other parameter.` } : undefined;
  let max = false;
  for (const a of args) {
    const [key, value] = [a.value.slice(0, a.value.indexOf('=')), a.value.slice(a.value.indexOf('=') + 1)];
    if (key === 'max' && isNumber(value) && Number(value) > 0) max = true;
    else if ((key === 'inactive' || key === 'valid') && isNginxTime(value, true)) continue;
    else return { arg: a, message: `invalid parameter "${a.value}" in "${name}": the syntax is off | max=N [inactive=time] [valid=time].` };
  }
  return max ? undefined : { arg: args[0], message: `"${name}" needs "max=N" (or "off").` };
}

/** The first problem nginx would report with these arguments for this catalogue entry. */
export function argumentProblem(spec: DirectiveSpec, args: Arg[]): ArgProblem | undefined {
  const name = spec.name;
  if (args.length < spec.min || args.length > spec.max) {
    return { message: `invalid number of arguments in "${name}" directive: the syntax is "${spec.syntax};".` };
  }
  const first = args[0];
  const lower = (a: Arg): string => a.value.toLowerCase();
  switch (spec.kind) {
    case 'flag':
    case 'enum': {
      const values = spec.values ?? [];
      if (first && !values.includes(lower(first))) return { arg: first, message: `invalid value "${first.value}" in "${name}" directive, it must be ${quoteList(values)}.` };
      return undefined;
    }
    case 'bitmask': {
      const values = (spec.values ?? []).map((v) => v.toLowerCase());
      const bad = args.find((a) => !values.includes(lower(a)));
      return bad ? { arg: bad, message: `invalid value "${bad.value}" in "${name}" directive: each argument must be one of ${quoteList(spec.values ?? [])}.` } : undefined;
    }
    case 'time':
    case 'msec':
      if (first && !isNginxTime(first.value, spec.kind === 'time')) {
        const units = spec.kind === 'time' ? 's, m, h, d, w, M, y' : 'ms, s, m, h, d, w, M, y';
        return { arg: first, message: `"${name}" directive invalid value "${first.value}": a time is a number with an optional unit (${units}), largest unit first, e.g. "10m" or "1h30m".` };
      }
      return undefined;
    case 'size':
      if (first && parseNginxSize(first.value) === undefined) return { arg: first, message: `"${name}" directive invalid value "${first.value}": a size is a number with an optional k or m suffix, e.g. "16k".` };
      return undefined;
    case 'number':
      if (first && !isNumber(first.value)) return { arg: first, message: `"${name}" directive invalid number "${first.value}": a non-negative whole number is expected.` };
      return undefined;
    case 'session-cache':
      return sessionCacheProblem(args);
    case 'ocsp-cache':
      return first ? ocspCacheProblem(first) : undefined;
    case 'object-cache':
      return objectCacheProblem(name, args);
    default:
      return undefined;
  }
}
