/**
 * Code lenses above option 121/249 statements: the routes decoded in one line
 * (`121: 10.0.0.0/8 → 192.168.0.1 · 0.0.0.0/0 → 192.168.0.1`), or where the value breaks
 * (`121: malformed at byte 7`). Pure.
 */
import type { Span } from '../core/text';
import { formatIPv4 } from './ipv4';
import type { DhcpFile, DhcpOption } from './model';
import { routesOfOption } from './optionRoutes';

export interface DhcpLens {
  /** The option statement the lens sits above. */
  span: Span;
  title: string;
}

/** A lens title stays readable in the editor: longer route lists end in "+N more". */
const MAX_TITLE = 110;

export function dhcpLenses(file: DhcpFile): DhcpLens[] {
  const out: DhcpLens[] = [];
  // A RouterOS option entry is one option of every network naming it: one lens.
  const seen = new Set<DhcpOption>();
  for (const scope of file.scopes) {
    for (const option of scope.options) {
      if ((option.code !== 121 && option.code !== 249) || seen.has(option)) continue;
      seen.add(option);
      const { routes, problems } = routesOfOption(option);
      const problem = problems[0];
      let title: string;
      if (problem) title = problem.byteOffset !== undefined ? `${option.code}: malformed at byte ${problem.byteOffset}` : `${option.code}: malformed (${problem.message})`;
      else title = `${option.code}: ${routeSummary(routes.map((r) => `${formatIPv4(r.destination)}/${r.width} → ${formatIPv4(r.gateway)}`), MAX_TITLE - 5)}`;
      out.push({ span: option.span, title });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The parts joined with ` · ` up to `max` characters, then `+N more`. */
export function routeSummary(parts: readonly string[], max: number): string {
  if (!parts.length) return 'no routes';
  let text = parts[0];
  let shown = 1;
  while (shown < parts.length && text.length + 3 + parts[shown].length <= max) text += ` · ${parts[shown++]}`;
  return shown < parts.length ? `${text} · +${parts.length - shown} more` : text;
}
