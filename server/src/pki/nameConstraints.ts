/**
 * A CA certificate's name constraints (RFC 5280 §4.2.1.10), for display: `dns:example.com`,
 * `ip:10.0.0.0/8`, `email:...`, `uri:...`, `dirName:...`. Decoded on demand — only the certificate
 * under the cursor needs them.
 */
import { type GeneralName, type GeneralSubtree, NameConstraints, id_ce_nameConstraints } from '@peculiar/asn1-x509';
import { nameToString, octets, parseCertificateAsn, parseDer } from './asn1';

export interface NameConstraintsSummary {
  permitted: string[];
  excluded: string[];
}

function nameText(g: GeneralName): string {
  if (g.dNSName !== undefined) return `dns:${g.dNSName}`;
  if (g.iPAddress !== undefined) return `ip:${g.iPAddress}`;
  if (g.rfc822Name !== undefined) return `email:${g.rfc822Name}`;
  if (g.uniformResourceIdentifier !== undefined) return `uri:${g.uniformResourceIdentifier}`;
  if (g.directoryName) return `dirName:${nameToString(g.directoryName)}`;
  return `other:${g.registeredID ?? g.otherName?.typeId ?? '?'}`;
}

const subtrees = (s: GeneralSubtree[] | undefined): string[] => (s ?? []).map((t) => nameText(t.base));

/** The certificate's name constraints, or undefined when it has none or they do not decode. */
export function nameConstraintsOf(der: Uint8Array): NameConstraintsSummary | undefined {
  try {
    const ext = parseCertificateAsn(der).tbsCertificate.extensions?.find((e) => e.extnID === id_ce_nameConstraints);
    if (!ext) return undefined;
    const nc = parseDer(octets(ext.extnValue), NameConstraints);
    return { permitted: subtrees(nc.permittedSubtrees && [...nc.permittedSubtrees]), excluded: subtrees(nc.excludedSubtrees && [...nc.excludedSubtrees]) };
  } catch {
    return undefined;
  }
}
