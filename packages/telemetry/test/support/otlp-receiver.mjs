#!/usr/bin/env node
// A tiny OTLP/HTTP JSON receiver for tests and benchmarks; node built-ins only.
// Data port: POST /v1/traces, /v1/metrics, /v1/logs (JSON, optionally gzip/deflate).
// Control port: POST /_mode {mode, delayMs, status}, POST /_clear, GET /_received, GET /_stats.
// Modes: ok | refuse (data listener closed) | blackhole (accept, never answer) | slow (delay) | 5xx.
// Prints one JSON line on stdout: {"port":N,"controlPort":M}. Optional argv: --mode=<mode> --keep=false.
import { createServer } from 'node:http';
import { createGunzip, createInflate } from 'node:zlib';

const argMode = process.argv.find((a) => a.startsWith('--mode='))?.slice(7) ?? 'ok';
const keepPayloads = !process.argv.includes('--keep=false');
const state = { mode: argMode, delayMs: 1000, status: 503 };
const received = { traces: [], metrics: [], logs: [] };
const stats = { requests: 0, byMode: {}, spans: 0, hung: 0, lastHeaders: {}, lastUrl: '' };
const hung = new Set();
let dataPort = 0;

function readBody(req) {
  const encoding = String(req.headers['content-encoding'] ?? '').toLowerCase();
  let stream = req;
  if (encoding === 'gzip') stream = req.pipe(createGunzip());
  else if (encoding === 'deflate') stream = req.pipe(createInflate());
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    req.on('error', reject);
  });
}

function countSpans(payload) {
  let n = 0;
  for (const rs of payload.resourceSpans ?? [])
    for (const ss of rs.scopeSpans ?? []) n += ss.spans?.length ?? 0;
  return n;
}

function record(signal, body, contentType) {
  if (!contentType.includes('json')) return;
  const payload = JSON.parse(body.toString('utf8'));
  if (signal === 'traces') stats.spans += countSpans(payload);
  if (keepPayloads) received[signal].push(payload);
}

async function handleData(req, res) {
  stats.requests += 1;
  stats.byMode[state.mode] = (stats.byMode[state.mode] ?? 0) + 1;
  stats.lastHeaders = req.headers;
  stats.lastUrl = req.url;
  const signal = /^\/v1\/(traces|metrics|logs)$/.exec((req.url ?? '').split('?')[0])?.[1];
  let body;
  try {
    body = await readBody(req);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (state.mode === 'blackhole') {
    stats.hung += 1;
    hung.add(res);
    res.on('close', () => hung.delete(res));
    return;
  }
  if (state.mode === '5xx') {
    res
      .writeHead(state.status, { 'content-type': 'application/json' })
      .end('{"code":14,"message":"unavailable"}');
    return;
  }
  if (state.mode === 'slow') await new Promise((r) => setTimeout(r, state.delayMs));
  if (!signal || req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  try {
    record(signal, body, String(req.headers['content-type'] ?? ''));
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
}

const data = createServer((req, res) => void handleData(req, res));
data.keepAliveTimeout = 1000;

function listenData(port) {
  return new Promise((resolve, reject) => {
    data.once('error', reject);
    data.listen(port, '127.0.0.1', () => {
      data.off('error', reject);
      dataPort = data.address().port;
      resolve();
    });
  });
}

function closeData() {
  return new Promise((resolve) => {
    if (!data.listening) return resolve();
    data.close(() => resolve());
    data.closeAllConnections();
  });
}

async function setMode(next) {
  const prev = state.mode;
  state.mode = next.mode;
  if (typeof next.delayMs === 'number') state.delayMs = next.delayMs;
  if (typeof next.status === 'number') state.status = next.status;
  if (prev === 'blackhole' && next.mode !== 'blackhole') for (const res of hung) res.destroy();
  if (next.mode === 'refuse') await closeData();
  else if (!data.listening) await listenData(dataPort);
}

async function handleControl(req, res) {
  const send = (code, value) => {
    res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  };
  try {
    if (req.method === 'GET' && req.url === '/_received') return send(200, received);
    if (req.method === 'GET' && req.url === '/_stats') return send(200, { ...stats, mode: state.mode });
    if (req.method === 'POST' && req.url === '/_clear') {
      received.traces = [];
      received.metrics = [];
      received.logs = [];
      stats.spans = 0;
      stats.requests = 0;
      stats.byMode = {};
      return send(200, { ok: true });
    }
    if (req.method === 'POST' && req.url === '/_mode') {
      const body = JSON.parse((await readBody(req)).toString('utf8') || '{}');
      if (!['ok', 'refuse', 'blackhole', 'slow', '5xx'].includes(body.mode))
        return send(400, { error: 'mode' });
      await setMode(body);
      return send(200, { mode: state.mode });
    }
    send(404, { error: 'not found' });
  } catch (error) {
    send(500, { error: String(error) });
  }
}

const control = createServer((req, res) => void handleControl(req, res));

await listenData(0);
await new Promise((resolve) => control.listen(0, '127.0.0.1', resolve));
if (state.mode === 'refuse') await closeData();
process.stdout.write(`${JSON.stringify({ port: dataPort, controlPort: control.address().port })}\n`);
process.on('SIGTERM', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
