/**
 * Option 82 (relay agent information, RFC 3046) sub-options by code: data, not logic. `kind` says
 * how the decoder shows the value; `ref` is where the sub-option is defined.
 */
export interface RelaySubOptionInfo {
  code: number;
  name: string;
  kind: 'circuit-id' | 'remote-id' | 'ip' | 'string' | 'vendor' | 'vss' | 'bytes';
  ref: string;
}

export const RELAY_SUB_OPTIONS: readonly RelaySubOptionInfo[] = [
  { code: 1, name: 'circuit-id', kind: 'circuit-id', ref: 'RFC 3046' },
  { code: 2, name: 'remote-id', kind: 'remote-id', ref: 'RFC 3046' },
  { code: 4, name: 'docsis-device-class', kind: 'bytes', ref: 'RFC 3256' },
  { code: 5, name: 'link-selection', kind: 'ip', ref: 'RFC 3527' },
  { code: 6, name: 'subscriber-id', kind: 'string', ref: 'RFC 3993' },
  { code: 7, name: 'radius-attributes', kind: 'bytes', ref: 'RFC 4014' },
  { code: 8, name: 'authentication', kind: 'bytes', ref: 'RFC 4030' },
  { code: 9, name: 'vendor-specific', kind: 'vendor', ref: 'RFC 4243' },
  { code: 10, name: 'relay-agent-flags', kind: 'bytes', ref: 'RFC 5010' },
  { code: 11, name: 'server-id-override', kind: 'ip', ref: 'RFC 5107' },
  { code: 12, name: 'relay-id', kind: 'bytes', ref: 'RFC 6925' },
  { code: 13, name: 'access-technology-type', kind: 'bytes', ref: 'RFC 7839' },
  { code: 14, name: 'access-network-name', kind: 'string', ref: 'RFC 7839' },
  { code: 15, name: 'access-point-name', kind: 'string', ref: 'RFC 7839' },
  { code: 16, name: 'access-point-bssid', kind: 'bytes', ref: 'RFC 7839' },
  { code: 17, name: 'operator-id', kind: 'bytes', ref: 'RFC 7839' },
  { code: 18, name: 'operator-realm', kind: 'string', ref: 'RFC 7839' },
  { code: 19, name: 'relay-port', kind: 'bytes', ref: 'RFC 8357' },
  { code: 150, name: 'link-selection (Cisco)', kind: 'ip', ref: 'Cisco, before RFC 3527' },
  { code: 151, name: 'vss', kind: 'vss', ref: 'RFC 6607' },
  { code: 152, name: 'vss-control', kind: 'bytes', ref: 'RFC 6607' },
  { code: 180, name: 'server-id-override (Cisco)', kind: 'ip', ref: 'Cisco, before RFC 5107' },
];

const BY_CODE = new Map(RELAY_SUB_OPTIONS.map((o) => [o.code, o]));

export function relaySubOptionInfo(code: number): RelaySubOptionInfo | undefined {
  return BY_CODE.get(code);
}
