// Demo of @fasttodo/redact on realistic input: what a service would otherwise log.
import { createRedactor, escapeControlChars } from '@fasttodo/redact';

const redactor = createRedactor();
const show = (title, value) =>
  console.log(`\n== ${title}\n${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}`);

show(
  'log record',
  redactor.redact({
    msg: 'signup from jane.doe@example.com, card 4111 1111 1111 1111',
    user: { email: 'jane.doe@example.com', password: 'hunter2', apiKey: 'sk_live_abcdefghijklmnopqrstuvwx' },
    order: { id: 'ORD-20261124-000123', total: '129.99', placedAt: '2026-11-24T10:00:00Z' },
  }),
);
show(
  'headers',
  redactor.redactHeaders({
    authorization: 'Bearer eyJhbGciOi.eyJzdWIiOi.sig',
    cookie: 'sid=abc',
    accept: 'application/json',
  }),
);
show(
  'url',
  redactor.redactUrl('https://admin:s3cret@api.example.com/users/jane@example.com?token=abc&page=2'),
);
show('log injection', escapeControlChars('login failed\nINFO forged line \u001b[31mred'));
