import { createHmac } from 'node:crypto';
import { createRedactor } from '@fasttodo/redact';

describe('censor', () => {
  it('uses a custom string everywhere but URLs', () => {
    const r = createRedactor({ censor: '***' });
    expect(r.redact({ password: 'p', note: 'bob@example.com' })).toEqual({ password: '***', note: '***' });
    expect(r.redactUrl('/x?token=1')).toBe('/x?token=REDACTED');
  });

  it('can keep the last 4 digits of a card', () => {
    const last4 = (value: unknown) => `****${String(value).replace(/\D/g, '').slice(-4)}`;
    const r = createRedactor({ censor: last4, paths: ['payment.pan'] });
    expect(r.redactText('paid with 4111 1111 1111 1111 today')).toBe('paid with ****1111 today');
    expect(r.redact({ payment: { pan: '5500000000000004' } })).toEqual({ payment: { pan: '****0004' } });
  });

  it('can pseudonymise with a keyed hash (HMAC) so equal values stay joinable', () => {
    const key = 'test-only-hmac-key';
    const pseudo = (value: unknown, ctx: { rule: string }) =>
      `${ctx.rule}:${createHmac('sha256', key).update(String(value)).digest('hex').slice(0, 16)}`;
    const r = createRedactor({ censor: pseudo });
    const a = r.redactText('from bob@example.com');
    const b = r.redactText('to bob@example.com');
    const c = r.redactText('to eve@example.com');
    expect(a).toMatch(/^from email:[0-9a-f]{16}$/);
    expect(a.slice(5)).toBe(b.slice(3));
    expect(c.slice(3)).not.toBe(b.slice(3));
    expect(a).not.toContain('bob');
    const url = r.redactUrl('https://ada:pw@h.io/?token=abc');
    const hash = (v: string) => createHmac('sha256', key).update(v).digest('hex').slice(0, 16);
    expect(url).toBe(
      `https://userinfo:${hash('ada')}:userinfo:${hash('pw')}@h.io/?token=token:${hash('abc')}`,
    );
  });

  it('passes the reason and rule, and falls back to [REDACTED] when the function throws', () => {
    const reasons: string[] = [];
    const r = createRedactor({
      censor: (value, ctx) => {
        reasons.push(`${ctx.reason}:${ctx.rule}`);
        if (value === 'boom') throw new Error('censor failed');
        return '#';
      },
    });
    expect(r.redact({ token: 'boom', password: 'x', t: 'ssn 123-45-6789' })).toEqual({
      token: '[REDACTED]',
      password: '#',
      t: 'ssn #',
    });
    expect(reasons).toEqual(['key:token', 'key:password', 'detector:ssn']);
  });
});
