import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startReceiver } from './support/receiver';
import type { ReceivedLog, Receiver } from './support/receiver';

// Every log output path (JSON lines, pretty lines, OTLP records through the real receiver) with secrets planted
// through every way a caller hands data to the logger; what was really emitted is scanned. The child service
// runs the built package with a real node:http server and client on loopback.
const CHILD = join(__dirname, 'logs-planted-child.mjs');
const DIST = join(__dirname, '..', 'dist', 'index.js');
const SPOOFED_SERVICE = 'planted\nINFO forged \u001b[31m\u2028x';

/** Secrets the child plants; none may appear in any output. */
const PLANTED = [
  'ZqFieldSecret01',
  'ZqCtxSecret02',
  'planted.carol@example.com',
  'planted.bound@example.com',
  'ZqMapSecret03',
  'ZqRawHeader04',
  'ZqCookie05',
  'ZqUrlSecret06',
  'ZqSetCookie07',
  'ZqClientKey08',
  'ZqSession09',
  'ZqDbPass10',
  'ZqCred11',
  'ZqHdr12',
  'ZqNestedPw14',
  'planted.alice@example.com',
  '4111 1111 1111 1111',
  '4012888888881881',
  '5555555555554444',
  'planted.straddle',
  'planted.bob@example.com',
  'planted.dan@example.com',
];

/** Planted in free text: a pair after another word (`Error: password=x`), bidi and zero-width characters. */
const IN_TEXT = ['ZqPending13', '\u202e', '\u200b'];

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.stop());

function runChild(format: 'json' | 'pretty', url: string): Promise<string> {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run "pnpm --filter @fasttodo/telemetry build"`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, format, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, OTEL_SERVICE_NAME: SPOOFED_SERVICE },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve((JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { output: string }).output)
        : reject(new Error(`child exited with ${code}`)),
    );
  });
}

function expectNothingPlanted(emitted: string): void {
  for (const secret of PLANTED)
    expect({ secret, found: emitted.includes(secret) }).toEqual({ secret, found: false });
  for (const secret of IN_TEXT)
    expect({ secret, found: emitted.includes(secret) }).toEqual({ secret, found: false });
}

async function waitForLogs(count: number): Promise<ReceivedLog[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const records = await receiver.logs();
    if (records.length >= count || Date.now() > deadline) return records;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const LOG_CALLS = 10;

test('JSON lines and OTLP records: no planted secret, one record per line, no raw U+2028', async () => {
  await receiver.clear();
  const output = await runChild('json', receiver.logsUrl);
  const lines = output.split('\n').slice(0, -1);
  expect(lines).toHaveLength(LOG_CALLS);
  const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expectNothingPlanted(output);
  expect(output).not.toMatch(/[\u2028\u2029\u001b]/);
  expect(records[0]?.['service']).toBe('planted\\nINFO forged \\u001b[31m\\u2028x');
  expect(records.find((r) => r['message'] === 'incoming')).toMatchObject({
    req: { method: 'GET', url: '/cb?token=REDACTED&ok=1', httpVersion: '1.1' },
  });
  expect(records.find((r) => r['message'] === 'raw headers')).toMatchObject({ socket: '[Socket]' });
  expect(String(records.find((r) => r['message'] === 'fields')?.['long'])).toMatch(
    /…\[truncated \d+ chars\]$/,
  );

  const exported = await waitForLogs(LOG_CALLS);
  expect(exported).toHaveLength(LOG_CALLS);
  expectNothingPlanted(JSON.stringify(exported));
  for (const record of exported) {
    // The record's time and the resource are not repeated as attributes.
    for (const key of ['timestamp', 'service', 'environment'])
      expect(record.attributes).not.toHaveProperty(key);
  }
  expect(exported[0]?.resource).toMatchObject({ 'service.name': SPOOFED_SERVICE });
});

test('pretty lines: no planted secret, one line per record, keys that are not identifiers are quoted', async () => {
  const output = await runChild('pretty', 'none');
  const lines = output.split('\n').slice(0, -1);
  expect(lines).toHaveLength(LOG_CALLS);
  expectNothingPlanted(output);
  expect(output).not.toMatch(/[\u2028\u2029\u001b]/);
  for (const line of lines) expect(line).toContain('[planted\\nINFO forged \\u001b[31m\\u2028x]');
  const fields = lines.find((line) => line.includes(' fields '));
  expect(fields).toContain('"user_id=admin role"=forged');
  expect(fields).not.toMatch(/ user_id=admin/);
});
