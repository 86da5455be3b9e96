import { ruleTester } from '../../ruleTester';
import { tls } from './fixtures';

ruleTester('nginx/early-data', {
  valid: [
    { name: 'off', code: tls('        ssl_early_data off;\n') },
    { name: 'on with the Early-Data header passed', code: tls('        ssl_early_data on;\n        proxy_set_header Early-Data $ssl_early_data;\n') },
  ],
  invalid: [{ name: 'on', code: tls('        ssl_early_data on;\n'), lines: [6], severity: 'warning', output: tls('        ssl_early_data off;\n') }],
});
