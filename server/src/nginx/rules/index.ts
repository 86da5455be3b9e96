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
import { unknownDirective } from './unknown-directive';
import { invalidContext } from './invalid-context';
import { invalidArguments } from './invalid-arguments';
import { duplicateDirective } from './duplicate-directive';
import { deprecatedDirective } from './deprecated-directive';
import { removedDirective } from './removed-directive';
import { sessionTicketsOffObsolete } from './session-tickets-off-obsolete';
import { proxySslVerifyOff } from './proxy-ssl-verify-off';
import { proxyVerifyWithoutTrusted } from './proxy-verify-without-trusted';
import { proxySslServerNameOff } from './proxy-ssl-server-name-off';
import { staplingWithoutResolver } from './stapling-without-resolver';
import { staplingVerifyWithoutTrusted } from './stapling-verify-without-trusted';
import { ocspWithoutVerifyOrResolver } from './ocsp-without-verify-or-resolver';

import { cipherStringEmpty } from './cipher-string-empty';
import { weakProtocols } from './weak-protocols';
import { weakCiphers } from './weak-ciphers';
import { unknownEcdhCurve } from './unknown-ecdh-curve';
import { unknownConfCommand } from './unknown-conf-command';
import { preferServerCiphers } from './prefer-server-ciphers';
import { dheWithoutDhparam } from './dhe-without-dhparam';
import { earlyData } from './early-data';
import { missingSslProtocols } from './missing-ssl-protocols';
import { missingSslCiphers } from './missing-ssl-ciphers';
import { fileNotFound } from './file-not-found';
import { fileWrongContent } from './file-wrong-content';
import { certificateKeyMismatch } from './certificate-key-mismatch';
import { certificateExpiry } from './certificate-expiry';
import { verifyDepthTooShort } from './verify-depth-too-short';
import { clientCaNotCa } from './client-ca-not-ca';
import { certificateChainOrder } from './certificate-chain-order';
import { weakCertificate } from './weak-certificate';
import { crlMissingIntermediates } from './crl-missing-intermediates';
import { staplingNoOcspResponder } from './stapling-no-ocsp-responder';
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
  unknownDirective,
  invalidContext,
  invalidArguments,
  duplicateDirective,
  deprecatedDirective,
  removedDirective,
  sessionTicketsOffObsolete,
  proxySslVerifyOff,
  proxyVerifyWithoutTrusted,
  proxySslServerNameOff,
  staplingWithoutResolver,
  staplingVerifyWithoutTrusted,
  ocspWithoutVerifyOrResolver,
  cipherStringEmpty,
  weakProtocols,
  weakCiphers,
  unknownEcdhCurve,
  unknownConfCommand,
  preferServerCiphers,
  dheWithoutDhparam,
  earlyData,
  missingSslProtocols,
  missingSslCiphers,
  fileNotFound,
  fileWrongContent,
  certificateKeyMismatch,
  certificateExpiry,
  verifyDepthTooShort,
  clientCaNotCa,
  certificateChainOrder,
  weakCertificate,
  crlMissingIntermediates,
  staplingNoOcspResponder,
];
