/**
 * A CA certificate's name constraints (RFC 5280 §4.2.1.10), for display: `dns:example.com`,
 * `ip:10.0.0.0/8`, `email:...`, `uri:...`, `dirName:...`. Decoded on demand — only the certificate
 * under the cursor needs them — by the same decoder path validation uses (extensions.ts).
 */
import { id_ce_nameConstraints } from '@peculiar/asn1-x509';
import { octets, parseCertificateAsn } from './asn1';
import { type NameValue, decodeNameConstraints } from './extensions';

export interface NameConstraintsSummary {
  permitted: string[];
  excluded: string[];
}

const PREFIXES: Record<NameValue['type'], string> = { dns: 'dns', ip: 'ip', email: 'email', uri: 'uri', dirname: 'dirName', other: 'other' };

const nameText = (n: NameValue): string => `${PREFIXES[n.type]}:${n.type === 'other' && !n.value ? '?' : n.value}`;

/** The certificate's name constraints, or undefined when it has none or they do not decode. */
export function nameConstraintsOf(der: Uint8Array): NameConstraintsSummary | undefined {
  try {
    const ext = parseCertificateAsn(der).tbsCertificate.extensions?.find((e) => e.extnID === id_ce_nameConstraints);
    if (!ext) return undefined;
    const nc = decodeNameConstraints(octets(ext.extnValue));
    return { permitted: Array.from(nc.permitted, nameText), excluded: Array.from(nc.excluded, nameText) };
  } catch {
    return undefined;
  }
}
