import type { PemRule } from '../rule';
import { caBasicConstraintsNotCritical } from './ca-basic-constraints-not-critical';
import { caWithoutKeyCertSign } from './ca-without-key-cert-sign';
import { certificateExpiry } from './certificate-expiry';
import { chainOrder } from './chain-order';
import { chainSignatureInvalid } from './chain-signature-invalid';
import { clientLeafWithoutClientAuth } from './client-leaf-without-client-auth';
import { keyMismatch } from './key-mismatch';
import { leafIsCa } from './leaf-is-ca';
import { malformed } from './malformed';
import { serverLeafWithoutSan } from './server-leaf-without-san';
import { serverLeafWithoutServerAuth } from './server-leaf-without-server-auth';
import { weakKey } from './weak-key';
import { weakSignature } from './weak-signature';

export const PEM_RULES: readonly PemRule[] = [
  malformed,
  certificateExpiry,
  weakKey,
  weakSignature,
  caWithoutKeyCertSign,
  caBasicConstraintsNotCritical,
  leafIsCa,
  serverLeafWithoutServerAuth,
  serverLeafWithoutSan,
  clientLeafWithoutClientAuth,
  chainOrder,
  chainSignatureInvalid,
  keyMismatch,
];
