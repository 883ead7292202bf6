import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestInfo } from '@fasttodo/telemetry';

describe('requestInfo(): the plain data of a real IncomingMessage', () => {
  let server: Server;
  let seen: IncomingMessage | undefined;
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen = req;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads method, target, headers, the socket address and scheme; never forwarded headers', async () => {
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/todos/7?x=1`, {
      method: 'POST',
      body: '{}',
      headers: { 'x-forwarded-for': '8.8.8.8', 'x-forwarded-proto': 'https' },
    });
    const info = requestInfo(seen as IncomingMessage);
    expect(info).toMatchObject({
      method: 'POST',
      url: '/todos/7?x=1',
      remoteAddress: '127.0.0.1',
      scheme: 'http',
      httpVersion: '1.1',
    });
    expect(info.headers['x-forwarded-for']).toBe('8.8.8.8');
    expect(requestInfo(seen as IncomingMessage, '/api/v1/todos/7').url).toBe('/api/v1/todos/7');
  });
});
