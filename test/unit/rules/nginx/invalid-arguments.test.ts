import { ruleTester } from '../../ruleTester';
import { httpServer } from './fixtures';

ruleTester('nginx/invalid-arguments', {
  valid: [
    { name: 'well-formed values', code: httpServer('        ssl_verify_client optional_no_ca;\n        ssl_session_cache builtin:1000 shared:SSL:10m;\n        ssl_session_timeout 1h30m;\n        ssl_buffer_size 4k;\n        ssl_verify_depth 2;\n        ssl_protocols TLSv1.2 TLSv1.3;\n        ssl_stapling ON;\n') },
    { name: 'session cache off none (accepted by nginx)', code: httpServer('        ssl_session_cache off;\n        ssl_session_cache none;\n') },
    { name: 'OCSP cache and certificate cache syntax', code: httpServer('        ssl_ocsp_cache shared:OCSP:10m;\n        ssl_certificate_cache max=1000 inactive=20s valid=1m;\n') },
    { name: 'quoted time with a space', code: httpServer('        ssl_session_timeout "1h 5m";\n') },
    { name: 'variables in file names', code: httpServer('        ssl_certificate /etc/ssl/$ssl_server_name.crt;\n') },
    { name: 'resolver with parameters', code: httpServer('        resolver 127.0.0.1 [::1]:5353 valid=30s ipv6=off;\n        resolver_timeout 5s;\n') },
  ],
  invalid: [
    { name: 'ssl_verify_client yes', code: httpServer('        ssl_verify_client yes;\n'), lines: [4], severity: 'error' },
    { name: 'flag not on|off', code: httpServer('        ssl_stapling yes;\n'), lines: [4] },
    { name: 'no argument', code: httpServer('        ssl_verify_client;\n'), lines: [4] },
    { name: 'too many arguments', code: httpServer('        ssl_verify_depth 1 2;\n'), lines: [4] },
    { name: 'shared cache without size', code: httpServer('        ssl_session_cache shared:X;\n'), lines: [4] },
    { name: 'shared cache too small', code: httpServer('        ssl_session_cache shared:X:1k;\n'), lines: [4] },
    { name: 'unknown cache type', code: httpServer('        ssl_session_cache foo;\n'), lines: [4] },
    { name: 'bad time unit', code: httpServer('        ssl_session_timeout 5x;\n'), lines: [4] },
    { name: 'units out of order', code: httpServer('        ssl_session_timeout 30m1h;\n'), lines: [4] },
    { name: 'bad size', code: httpServer('        ssl_buffer_size 1g;\n'), lines: [4] },
    { name: 'not a number', code: httpServer('        ssl_verify_depth abc;\n'), lines: [4] },
    { name: 'unknown protocol', code: httpServer('        ssl_protocols TLSv1.2 TLSv1.4;\n'), lines: [4] },
    { name: 'proxy_ssl_verify_depth in location', code: httpServer('        location / {\n            proxy_ssl_verify_depth two;\n        }\n'), lines: [5] },
    { name: 'stream handshake timeout', code: 'stream {\n    server {\n        ssl_handshake_timeout 10q;\n    }\n}\n', lines: [3] },
    { name: 'OCSP cache syntax', code: httpServer('        ssl_ocsp_cache foo;\n'), lines: [4] },
  ],
});
