import type { NginxRule } from '../rule';
import { clientCaWithoutVerify } from './client-ca-without-verify';
import { includeUnresolved } from './include-unresolved';
import { syntaxError } from './syntax-error';
import { verifyClientOptionalNoCa } from './verify-client-optional-no-ca';
import { verifyClientWithoutCa } from './verify-client-without-ca';
import { listenSslWithoutCertificate } from './listen-ssl-without-certificate';
import { certificateWithoutKey } from './certificate-without-key';
import { verifyClientOptionalUnchecked } from './verify-client-optional-unchecked';
import { sharedListenVerifyMismatch } from './shared-listen-verify-mismatch';

export const NGINX_RULES: readonly NginxRule[] = [
  syntaxError,
  includeUnresolved,
  verifyClientWithoutCa,
  verifyClientOptionalNoCa,
  clientCaWithoutVerify,
  listenSslWithoutCertificate,
  certificateWithoutKey,
  verifyClientOptionalUnchecked,
  sharedListenVerifyMismatch,
];
