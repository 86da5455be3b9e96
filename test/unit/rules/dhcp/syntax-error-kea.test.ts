import { dhcpRuleTester } from '../../dhcpRuleTester';

// dhcp/syntax-error on Kea problems that depend on the version (tlsnet.dhcp.keaVersion; unset is
// judged as Kea 2.2) and the option 121 rewrite as code 121 hex. Every fixed output below was
// checked with kea-dhcp4 -t (Kea 2.2.0), which refuses each input.

/** A Kea file with these option-data entries in subnet 1; `global` goes in Dhcp4's option-data. */
const kea = (entries: string, global = '') =>
  `{ "Dhcp4": {\n${global ? `  "option-data": [ ${global} ],\n` : ''}  "subnet4": [ { "id": 1, "subnet": "192.168.0.0/24", "option-data": [\n    ${entries}\n  ] } ]\n} }\n`;

const NAMED = '{ "name": "classless-static-route", "data": "10.0.0.0/8 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1" }';
const HEX = '"080ac0a8000100c0a80001"';
const V26 = { 'dhcp.keaVersion': '2.6.0' };

const MULTILINE = `{ "Dhcp4": {
  "subnet4": [ {
    "id": 1,
    "subnet": "192.168.0.0/24",
    "option-data": [
      {
        "name": "classless-static-route",
        "always-send": true,
        "data": "10.0.0.0/8 - 192.168.0.1"
      }
    ]
  } ]
} }
`;

dhcpRuleTester('dhcp/syntax-error', {
  valid: [
    { name: 'the Kea 2.6 name with keaVersion 2.6.0', dialect: 'kea', code: kea(NAMED), settings: V26 },
    { name: 'code 121 with a route list on Kea 3.0', dialect: 'kea', code: kea('{ "code": 121, "data": "10.0.0.0/8 - 192.168.0.1" }'), settings: { 'dhcp.keaVersion': '3.0.1' } },
    { name: 'code 121 hex data without csv-format in a subnet: Kea 2.2 reads it as hex', dialect: 'kea', code: kea('{ "code": 121, "data": "2001010101c0a80001" }') },
    {
      name: 'the 2.6 name defined by an option-def as binary',
      dialect: 'kea',
      code: '{ "Dhcp4": {\n  "option-def": [ { "name": "classless-static-route", "code": 121, "type": "binary", "space": "dhcp4" } ],\n  "option-data": [ { "name": "classless-static-route", "data": "0cac10c0a83c0200c0a83c01" } ]\n} }\n',
    },
    { name: 'a keyword of a later Kea (offer-lifetime, 2.6) with keaVersion 2.6.0', dialect: 'kea', code: '{ "Dhcp4": {\n  "offer-lifetime": 60,\n  "subnet4": [ { "id": 1, "subnet": "192.168.0.0/24" } ]\n} }\n', settings: V26 },
    { name: 'the portable spelling', dialect: 'kea', code: kea(`{ "code": 121, "space": "dhcp4", "csv-format": false, "data": ${HEX} }`) },
    {
      name: 'included file using the 2.6 name, keaVersion 2.6.0',
      dialect: 'kea',
      code: '{ "Dhcp4": { "subnet4": <?include "/ws/subnets.json"?> } }\n',
      files: { '/ws/subnets.json': `[ { "id": 1, "subnet": "192.168.0.0/24", "option-data": [ ${NAMED} ] } ]\n` },
      settings: V26,
    },
  ],
  invalid: [
    {
      name: 'a keyword of a later Kea with keaVersion unset: refused as Kea 2.2 does, with the setting named',
      dialect: 'kea',
      code: '{ "Dhcp4": {\n  "offer-lifetime": 60,\n  "subnet4": [ { "id": 1, "subnet": "192.168.0.0/24" } ]\n} }\n',
      lines: [2],
      severity: 'error',
      message: 'Kea 2.6.0 and later accept it: set tlsnet.dhcp.keaVersion',
    },
    {
      name: 'a keyword no Kea knows stays refused on a newer Kea',
      dialect: 'kea',
      code: '{ "Dhcp4": {\n  "offer-lifetim": 60,\n  "subnet4": [ { "id": 1, "subnet": "192.168.0.0/24" } ]\n} }\n',
      settings: { 'dhcp.keaVersion': '3.0.1' },
      lines: [2],
      severity: 'error',
    },
    {
      name: 'the Kea 2.6 name, no version set: rewritten as code 121 hex',
      dialect: 'kea',
      code: kea(NAMED),
      lines: [3],
      severity: 'error',
      message: 'Kea 2.6.0 and later define "classless-static-route"',
      output: kea(`{ "code": 121, "space": "dhcp4", "csv-format": false, "data": ${HEX} }`),
    },
    { name: 'the Kea 2.6 name on Kea 2.4', dialect: 'kea', code: kea(NAMED), settings: { 'dhcp.keaVersion': '2.4.1' }, lines: [3], severity: 'error' },
    {
      name: 'a multi-line entry keeps its layout and its other members',
      dialect: 'kea',
      code: MULTILINE,
      lines: [9],
      output: MULTILINE.replace('"name": "classless-static-route",', '"code": 121,\n        "space": "dhcp4",\n        "csv-format": false,').replace('"10.0.0.0/8 - 192.168.0.1"', '"080ac0a80001"'),
    },
    {
      name: 'code 121 with route-list data in a subnet: Kea 2.2 reads it as hex',
      dialect: 'kea',
      code: kea('{ "code": 121, "data": "10.0.0.0/8 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1" }'),
      lines: [3],
      severity: 'error',
      output: kea(`{ "code": 121, "space": "dhcp4", "csv-format": false, "data": ${HEX} }`),
    },
    {
      name: 'name, code and csv-format true together',
      dialect: 'kea',
      code: kea('{ "code": 121, "csv-format": true, "name": "classless-static-route", "data": "10.0.0.0/8 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1" }'),
      lines: [3],
      output: kea(`{ "code": 121, "csv-format": false, "space": "dhcp4", "data": ${HEX} }`),
    },
    {
      name: 'global code 121 with hex data and csv-format left true: refused, by Kea 2.6 too',
      dialect: 'kea',
      code: kea('{ "name": "routers", "data": "192.168.0.1" }', `{ "code": 121, "data": ${HEX} }`),
      settings: V26,
      lines: [2],
      severity: 'error',
      message: 'which this is not',
      output: kea('{ "name": "routers", "data": "192.168.0.1" }', `{ "code": 121, "space": "dhcp4", "csv-format": false, "data": ${HEX} }`),
    },
    {
      name: 'global code 121 with a route list, no version set',
      dialect: 'kea',
      code: kea('{ "name": "routers", "data": "192.168.0.1" }', '{ "code": 121, "data": "10.0.0.0/8 - 192.168.0.1, 0.0.0.0/0 - 192.168.0.1" }'),
      lines: [2],
      output: kea('{ "name": "routers", "data": "192.168.0.1" }', `{ "code": 121, "space": "dhcp4", "csv-format": false, "data": ${HEX} }`),
    },
    {
      name: 'a dnsmasq-style list is no Kea 2.6 route list: refused on 2.6 too',
      dialect: 'kea',
      code: kea('{ "name": "classless-static-route", "data": "10.0.0.0/8,192.168.0.1" }'),
      settings: V26,
      lines: [3],
      severity: 'error',
    },
    {
      name: 'included file using the 2.6 name, no version set: flagged at the include',
      dialect: 'kea',
      code: '{ "Dhcp4": {\n  "subnet4": <?include "/ws/subnets.json"?>\n} }\n',
      files: { '/ws/subnets.json': `[ { "id": 1, "subnet": "192.168.0.0/24", "option-data": [ ${NAMED} ] } ]\n` },
      lines: [2],
      message: 'The included file has an error at /ws/subnets.json:1',
    },
  ],
});
