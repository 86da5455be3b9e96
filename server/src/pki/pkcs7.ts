/**
 * PKCS#7 / CMS SignedData certificate bundles (`openssl crl2pkcs7 -nocrl`, `.p7b`/`.p7c`): the
 * certificates and CRLs it carries. The DER is walked by hand so each certificate keeps its exact
 * bytes (fingerprints are over the original encoding, not a re-encoding).
 */
import { type Result, attempt, elementContent, sequenceElements } from './asn1';
import { parseCertificate, type CrlDescription, type ParsedCertificate } from './describe';
import { describeCrl } from './describeObjects';
import { toHex } from './pem';

/** DER of OID 1.2.840.113549.1.7.2 (signedData). */
const SIGNED_DATA = '06092a864886f70d010702';

export interface Pkcs7Contents {
  certificates: ParsedCertificate[];
  crls: CrlDescription[];
}

export function decodePkcs7(der: Uint8Array): Result<Pkcs7Contents> {
  return attempt('not a valid PKCS#7 SignedData', () => {
    const [type, content] = sequenceElements(der);
    if (!type || toHex(type) !== SIGNED_DATA) throw new Error('only SignedData (certificate bundles) is supported');
    if (!content || content[0] !== 0xa0) throw new Error('the SignedData content is missing');
    // ContentInfo.content is [0] EXPLICIT: its content is the SignedData SEQUENCE.
    const signedData = elementContent(content);
    const out: Pkcs7Contents = { certificates: [], crls: [] };
    for (const field of sequenceElements(signedData)) {
      if (field[0] !== 0xa0 && field[0] !== 0xa1) continue;
      // [0] IMPLICIT CertificateSet / [1] IMPLICIT RevocationInfoChoices: walk them as a SEQUENCE.
      const members = sequenceElements(field);
      members.forEach((m, i) => {
        if (m[0] !== 0x30) return; // other certificate formats (attribute certificates) are skipped
        if (field[0] === 0xa0) {
          const r = parseCertificate(m.slice());
          if (!r.ok) throw new Error(`certificate #${i + 1}: ${r.error}`);
          out.certificates.push(r.value);
        } else {
          const r = describeCrl(m.slice());
          if (!r.ok) throw new Error(`CRL #${i + 1}: ${r.error}`);
          out.crls.push(r.value);
        }
      });
    }
    return out;
  });
}
