import {
  createHealth,
  HEALTH_CONTENT_TYPE,
  HEALTH_RESPONSE_HEADERS,
  writeHealthResponse,
} from '@fasttodo/health';
import type { TestServer } from './support/http-server';
import { startHttpServer } from './support/http-server';

describe('serving probes over node:http', () => {
  let server: TestServer;
  const health = createHealth({
    version: '9.9.9',
    cacheMs: 0,
    checks: [{ name: 'db', check: async () => Promise.reject(new Error('down')) }],
  });

  beforeAll(async () => {
    server = await startHttpServer(async (req, res) => {
      writeHealthResponse(res, req.url === '/ready' ? await health.ready() : await health.live());
    });
  });
  afterAll(() => server.close());

  it('exports the application/json media type and no-store headers', () => {
    expect(HEALTH_CONTENT_TYPE).toBe('application/json');
    expect(HEALTH_RESPONSE_HEADERS).toEqual({
      'content-type': HEALTH_CONTENT_TYPE,
      'cache-control': 'no-store',
    });
    expect(Object.isFrozen(HEALTH_RESPONSE_HEADERS)).toBe(true);
  });

  it('writes status, headers and the JSON body', async () => {
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toBe('application/json');
    expect(ready.headers.get('cache-control')).toBe('no-store');
    const body = await ready.json();
    expect(body).toMatchObject({
      status: 'fail',
      version: '9.9.9',
      checks: { db: { status: 'fail', output: 'down' } },
    });

    const live = await fetch(`${server.url}/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'pass', checks: {} });
  });
});
