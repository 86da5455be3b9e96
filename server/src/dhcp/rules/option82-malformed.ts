/**
 * RFC 3046 §2.0: relay agent information (option 82) is a run of sub-options, each a code byte, a
 * length byte and that many bytes. A Cisco `relay-information hex` pattern that is not such a run
 * can never equal what a relay sends, so its class never matches.
 *
 *     ip dhcp class VLAN10
 *      relay agent information
 *       relay-information hex 010600040001000002080006aabbcc0001   # flagged: remote-id cut short
 */
import type { At } from '../model';
import { decodeOption82 } from '../option82';
import type { DhcpRule } from '../rule';

/** The pattern as the decoder wants it: with its trailing `*` (prefix match) even when the parser left it out. */
function patternText(text: string, value: At<string>): string {
  if (value.value.trimEnd().endsWith('*')) return value.value;
  return /^[ \t]*\*/.test(text.slice(value.span.end, value.span.end + 8)) ? `${value.value}*` : value.value;
}

export const option82Malformed: DhcpRule = {
  meta: {
    id: 'dhcp/option82-malformed',
    language: 'dhcp',
    description: 'A Cisco `relay-information hex` pattern that does not parse as option 82 sub-options, so its class never matches.',
    severity: 'warning',
    fixable: false,
    citation: 'RFC 3046 §2.0–2.2 (relay agent information sub-options)',
  },
  check(ctx, report) {
    for (const file of ctx.files) {
      for (const cls of file.classes) {
        for (const value of cls.relayInformation) {
          const decoded = decodeOption82(patternText(file.text, value));
          if (!decoded.error) continue;
          const e = decoded.error;
          const span = { start: value.span.start + Math.min(e.span.start, value.value.length), end: value.span.start + Math.min(e.span.end, value.value.length) };
          const read = decoded.subOptions.length ? ` Read before it: ${decoded.subOptions.map((s) => `${s.name} ${s.summary}`).join('; ')}.` : '';
          report({
            file: file.path,
            span: span.end > span.start ? span : value.span,
            message: `relay-information hex in class "${cls.name.value}" is not valid option 82: ${e.message}.${read} A relay never sends such a value, so the class never matches; end the pattern with "*" to match by prefix.`,
          });
        }
      }
    }
  },
};
