/**
 * PKCS#10 certificate requests (RFC 2986): subject, key, the SANs asked for in the
 * extensionRequest attribute (PKCS#9), and whether the request's self-signature verifies.
 * Verification is synchronous where node-forge can do it (RSA PKCS#1 v1.5, Ed25519); other
 * algorithms are reported `unchecked` rather than guessed.
 */
import { CertificationRequest } from '@peculiar/asn1-csr';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Extensions, SubjectAlternativeName, id_ce_subjectAltName } from '@peculiar/asn1-x509';
import forge from 'node-forge';
import type { SignatureCheck } from './chain';
import { type Result, attempt, nameToString, octets, parseDer, sequenceElements } from './asn1';
import { describePublicKey, generalName, type PublicKeyDescription, type SubjectAltName } from './describe';
import { RSA_SIGNATURE_HASHES, SIGNATURE_ALGORITHMS } from './oids.data';
import { bytesToBinary } from './pem';

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
/** Microsoft's pre-PKCS#9 form of the same attribute, still written by certreq. */
const MS_EXTENSION_REQUEST = '1.3.6.1.4.1.311.2.1.14';

export interface CsrDescription {
  kind: 'csr';
  subject: string;
  publicKey: PublicKeyDescription;
  sans: SubjectAltName[];
  signatureAlgorithm: string;
  signature: SignatureCheck;
}

export function describeCsr(der: Uint8Array): Result<CsrDescription> {
  return attempt('not a valid certificate request', () => {
    const csr = parseDer(der, CertificationRequest);
    const info = csr.certificationRequestInfo;
    const sans: SubjectAltName[] = [];
    for (const attr of info.attributes) {
      if (attr.type !== EXTENSION_REQUEST && attr.type !== MS_EXTENSION_REQUEST) continue;
      for (const value of attr.values) {
        for (const ext of AsnConvert.parse(value, Extensions)) {
          if (ext.extnID === id_ce_subjectAltName) sans.push(...[...parseDer(octets(ext.extnValue), SubjectAlternativeName)].map(generalName));
        }
      }
    }
    const [infoDer] = sequenceElements(der);
    const spkiDer = new Uint8Array(AsnConvert.serialize(info.subjectPKInfo));
    return {
      kind: 'csr',
      subject: nameToString(info.subject),
      publicKey: describePublicKey(info.subjectPKInfo),
      sans,
      signatureAlgorithm: SIGNATURE_ALGORITHMS[csr.signatureAlgorithm.algorithm] ?? csr.signatureAlgorithm.algorithm,
      signature: verify(csr.signatureAlgorithm.algorithm, spkiDer, infoDer, new Uint8Array(csr.signature)),
    };
  });
}

function verify(sigOid: string, spkiDer: Uint8Array, signed: Uint8Array, signature: Uint8Array): SignatureCheck {
  try {
    const hash = RSA_SIGNATURE_HASHES[sigOid];
    if (hash) {
      const key = forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(bytesToBinary(spkiDer))) as forge.pki.rsa.PublicKey;
      const md = forge.md[hash].create();
      md.update(bytesToBinary(signed));
      return key.verify(md.digest().getBytes(), bytesToBinary(signature)) ? 'valid' : 'invalid';
    }
    if (sigOid === '1.3.101.112') {
      const spki = sequenceElements(spkiDer);
      // The BIT STRING's content is one unused-bits octet, then the 32-byte key.
      const publicKey = spki[1].subarray(spki[1].length - 32);
      return forge.pki.ed25519.verify({ message: signed, signature, publicKey }) ? 'valid' : 'invalid';
    }
  } catch {
    return 'invalid';
  }
  return 'unchecked';
}
