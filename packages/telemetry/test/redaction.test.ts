import {
  ATTR_HTTP_REQUEST_HEADER,
  ATTR_HTTP_ROUTE,
  ATTR_URL_FULL,
  ATTR_URL_QUERY,
} from '@opentelemetry/semantic-conventions';
import { ATTR_HTTP_URL } from '@opentelemetry/semantic-conventions/incubating';
import { type App, startApp } from './support/app';
import { type Receiver, startReceiver } from './support/receiver';

let receiver: Receiver;
let app: App;

const EMAIL = 'jane.doe@example.com';
const PASSWORD = 'hunter2-Secret!';
const TOKEN = 'tok_9f8e7d6c5b4a39281706';
const BEARER =
  'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const SECRETS = [EMAIL, PASSWORD, TOKEN, 'eyJzdWIiOiIxMjM0NTY3ODkwIn0'];

beforeAll(async () => {
  receiver = await startReceiver();
  app = await startApp();
  await app.call('start', {
    options: {
      serviceName: 'redaction-test',
      environment: 'test',
      metrics: { enabled: false },
      traces: { endpoint: receiver.tracesUrl, scheduledDelayMs: 20 },
    },
  });
  await app.spans([
    {
      name: `lookup ${EMAIL}`,
      kind: 'server',
      status: 'error',
      statusMessage: `user ${EMAIL} not allowed`,
      exception: `login failed for ${EMAIL} with header ${BEARER}`,
      attributes: {
        'user.password': PASSWORD,
        'enduser.email': EMAIL,
        [ATTR_HTTP_REQUEST_HEADER('authorization')]: BEARER,
        [ATTR_URL_FULL]: `https://api.example.com/users?email=${EMAIL}&token=${TOKEN}`,
        [ATTR_URL_QUERY]: `token=${TOKEN}&page=2`,
        [ATTR_HTTP_URL]: `https://api.example.com/cb?access_token=${TOKEN}`,
        'app.note': `contact ${EMAIL}`,
        [ATTR_HTTP_ROUTE]: '/users',
      },
      events: [{ name: 'login', attributes: { 'user.password': PASSWORD, detail: `by ${EMAIL}` } }],
    },
  ]);
  await receiver.waitForSpans((s) => s.length === 1);
});

afterAll(async () => {
  await app.call('shutdown');
  await app.stop();
  await receiver.stop();
});

describe('redaction before export', () => {
  it('no secret reaches the receiver anywhere in the payload', async () => {
    const payload = JSON.stringify(await receiver.raw());
    for (const secret of SECRETS) expect(payload).not.toContain(secret);
  });

  it('keeps attribute keys and non-sensitive values', async () => {
    const [span] = await receiver.spans();
    expect(span?.attributes[ATTR_HTTP_ROUTE]).toBe('/users');
    expect(Object.keys(span?.attributes ?? {})).toEqual(
      expect.arrayContaining([
        'user.password',
        'enduser.email',
        ATTR_URL_FULL,
        ATTR_URL_QUERY,
        ATTR_HTTP_URL,
      ]),
    );
    expect(String(span?.attributes[ATTR_URL_FULL])).toMatch(/^https:\/\/api\.example\.com\/users\?/);
    expect(String(span?.attributes[ATTR_URL_QUERY])).toContain('page=2');
  });

  it('redacts event attributes and exception messages', async () => {
    const [span] = await receiver.spans();
    const login = span?.events.find((e) => e.name === 'login');
    const exception = span?.events.find((e) => e.name === 'exception');
    expect(login?.attributes['user.password']).not.toBe(PASSWORD);
    expect(String(exception?.attributes['exception.message'])).toContain('login failed for');
    expect(String(exception?.attributes['exception.message'])).not.toContain(EMAIL);
    expect(span?.status.message).toContain('not allowed');
  });
});
