import { atoi, type Cursor } from './cursor';
import { isIdentifier } from './lexer';
import { dateCore } from './pools';
import type { DeclType, Share } from './scope';
import { ipAddrOrHostname, numericAggregate } from './values';

/**
 * `failover peer NAME { … }`, `failover peer NAME;` (a shared network's peer) and
 * `failover peer NAME state { … }` (server/confpars.c parse_failover_peer and
 * parse_failover_state_declaration).
 */

const NUMBER_PARAMS = new Set(['max-lease-misbalance', 'max-lease-ownership', 'max-balance', 'min-balance', 'auto-partner-down', 'max-response-delay', 'max-unacked-updates', 'mclt']);
const STATES = new Set(['unknown-state', 'partner-down', 'normal', 'communications-interrupted', 'conflict-done', 'resolution-interrupted', 'potential-conflict', 'recover', 'recover-wait', 'recover-done', 'shutdown', 'paused', 'startup']);

/** After `failover` (already consumed) in the root or a shared network. */
export function failoverPeer(c: Cursor, type: DeclType, share?: Share): void {
  if (c.next().kind !== 'peer') return void c.expected(c.lx.last, 'expecting "peer"');
  const n = c.next();
  if (!isIdentifier(n) && n.kind !== 'STRING') return void c.expected(n, 'expecting failover peer name');
  const name = n.value;
  const exists = c.peers.has(name);
  const t = c.next();
  if (t.kind === ';') {
    if (type !== 'shared') c.error(c.at(n), 'failover peer reference not in shared-network declaration');
    else if (!exists) c.unknown(c.at(n), `reference to unknown failover peer ${name}`);
    else if (share) share.peer = true;
    return;
  }
  if (t.kind === 'state') {
    if (!exists) return void c.unknown(c.at(n), `state declaration for unknown failover peer ${name}`);
    return stateDeclaration(c);
  }
  if (t.kind !== '{') {
    c.error(c.at(t), 'expecting left brace');
    c.skipToSemi();
  }
  if (exists) {
    c.error(c.at(n), `redeclaration of failover peer ${name}`);
    return void c.skipToRbrace(1);
  }
  let role: 'primary' | 'secondary' | undefined;
  let partnerAddress = false;
  let hba = false;
  let mclt = false;
  for (;;) {
    let k = c.next();
    let partner = false;
    if (k.kind === 'peer') {
      partner = true;
      k = c.next();
    }
    if (k.kind === '}') break;
    if (k.kind === 'primary' || k.kind === 'secondary') {
      role = k.kind;
      if (role === 'secondary' && hba) c.error(c.at(k), 'secondary may not define load balance settings');
    } else if (k.kind === 'address') {
      if (!ipAddrOrHostname(c)) return void c.skipToRbrace(1);
      if (partner) partnerAddress = true;
    } else if (k.kind === 'port' || NUMBER_PARAMS.has(k.kind)) {
      const v = c.next();
      if (v.kind !== 'NUMBER') {
        c.error(c.at(v), 'expecting number');
        return void c.skipToRbrace(1);
      }
      if (k.kind === 'mclt') mclt = true;
    } else if (k.kind === 'hba') {
      if (role === 'secondary') c.error(c.at(k), 'secondary may not define load balance settings');
      const r = numericAggregate(c, 32, ':', 16, 8);
      if (!r) return void c.skipToRbrace(1);
      hba = true;
    } else if (k.kind === 'split') {
      const v = c.next();
      if (role === 'secondary') c.error(c.at(k), 'secondary may not define load balance settings');
      if (v.kind !== 'NUMBER') {
        c.error(c.at(v), 'expecting number');
        return void c.skipToRbrace(1);
      }
      if (atoi(v.value) > 256) c.error(c.at(v), 'split must be between 0 and 256, inclusive');
      else hba = true;
    } else if (k.kind === 'load') {
      const words = ['balance', 'max', 'seconds'];
      const bad = words.find((w) => c.next().kind !== w);
      if (bad || c.next().kind !== 'NUMBER') {
        c.error(c.at(c.lx.last), bad ? `expecting '${bad}'` : 'expecting number');
        return void c.skipToRbrace(1);
      }
    } else {
      c.error(c.at(k), 'invalid statement in peer declaration');
      return void c.skipToRbrace(1);
    }
    if (!c.semi()) return void c.skipToRbrace(1);
  }
  if (!partnerAddress) c.error(c.at(n), 'peer address may not be omitted');
  if (role === 'primary' && !hba) c.error(c.at(n), 'primary failover server must have hba or split');
  else if (role === 'primary' && !mclt) c.error(c.at(n), 'primary failover server must have mclt');
  c.peers.set(name, { span: c.at(n), pools: 0 });
  if (share) share.peer = true;
}

/** confpars.c parse_failover_state_declaration(), after `state`. */
function stateDeclaration(c: Cursor): void {
  const t = c.next();
  if (t.kind !== '{') return void c.expected(t, 'expecting left brace');
  for (;;) {
    const k = c.next();
    if (k.kind === '}') return;
    if (k.kind === 'my' || k.kind === 'partner') {
      if (c.next().kind !== 'state') return void c.error(c.at(c.lx.last), "expecting 'state'"), c.skipToRbrace(1);
      const s = c.next();
      if (!STATES.has(s.kind)) {
        c.expected(s, 'unknown failover state');
        continue;
      }
      const a = c.next();
      if (a.kind === ';') continue;
      if (a.kind !== 'at') {
        c.expected(a, 'expecting "at"');
        continue;
      }
      if (dateCore(c)) c.semi();
    } else if (k.kind === 'mclt') {
      const v = c.next();
      if (v.kind !== 'NUMBER') return void c.error(c.at(v), 'expecting a number'), c.skipToRbrace(1);
      c.semi();
    } else return void c.error(c.at(k), 'expecting state setting'), c.skipToRbrace(1);
  }
}
