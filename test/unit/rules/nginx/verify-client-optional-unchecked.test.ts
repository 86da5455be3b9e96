import { ruleTester } from '../../ruleTester';

const tls = (body: string, http = ''): string => `http {\n${http}    server {\n        listen 443 ssl;\n        ssl_certificate s.pem;\n        ssl_certificate_key s.key;\n        ssl_client_certificate ca.pem;\n        ssl_verify_client optional;\n${body}    }\n}\n`;

ruleTester('nginx/verify-client-optional-unchecked', {
  valid: [
    { name: 'if rejects unverified clients', code: tls('        location / {\n            if ($ssl_client_verify != SUCCESS) {\n                return 403;\n            }\n        }\n') },
    { name: 'result passed to the application', code: tls('        location / {\n            proxy_set_header X-Client-Verify $ssl_client_verify;\n            proxy_pass http://app;\n        }\n') },
    { name: 'http-level map reads it', code: tls('        location / {\n            proxy_pass http://app;\n        }\n', '    map $ssl_client_verify $client_ok {\n        SUCCESS 1;\n        default 0;\n    }\n') },
    { name: '${ssl_client_verify} spelling', code: tls('        add_header X-V "${ssl_client_verify}";\n') },
    { name: 'Lua block checks ngx.var.ssl_client_verify', code: tls('        access_by_lua_block {\n            if ngx.var.ssl_client_verify ~= "SUCCESS" then ngx.exit(403) end\n        }\n') },
    { name: 'verification on', code: 'http {\n    server {\n        listen 443 ssl;\n        ssl_certificate s.pem;\n        ssl_client_certificate ca.pem;\n        ssl_verify_client on;\n    }\n}\n' },
  ],
  invalid: [
    { name: 'optional and nobody checks', code: tls('        location / {\n            proxy_pass http://app;\n        }\n'), lines: [7], severity: 'warning' },
    {
      name: 'another server checking does not count',
      code: 'http {\n    ssl_verify_client optional;\n    ssl_client_certificate ca.pem;\n    server {\n        listen 443 ssl;\n        ssl_certificate a.pem;\n        if ($ssl_client_verify != SUCCESS) { return 403; }\n    }\n    server {\n        listen 8443 ssl;\n        ssl_certificate b.pem;\n    }\n}\n',
      lines: [2],
    },
  ],
});
