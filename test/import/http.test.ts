/**
 * The Node http adapter makes real requests (in a child process, so the port can stay
 * synchronous): here against a small local server that is itself a separate process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import { NodeHttp } from '../../src/node/http';

const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/limited')) { res.writeHead(429, { 'content-type': 'application/json' }); res.end('{"statusCode":429}'); return; }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ url: req.url, key: req.headers['ocp-apim-subscription-key'], version: req.headers['x-version'], text: 'café £5' }));
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

let server: ChildProcess;
let port = 0;

beforeAll(async () => {
  server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolve, reject) => {
    server.stdout!.once('data', (b: Buffer) => resolve(Number(String(b).trim())));
    server.once('error', reject);
  });
});
afterAll(() => {
  server.kill();
});

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const p = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

describe('NodeHttp', () => {
  it('makes a real GET with the headers, synchronously', () => {
    const r = new NodeHttp().get(`http://127.0.0.1:${port}/vacancies/vacancy?PageNumber=2`, { 'Ocp-Apim-Subscription-Key': 'abc123', 'X-Version': '2' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ url: '/vacancies/vacancy?PageNumber=2', key: 'abc123', version: '2', text: 'café £5' });
  });

  it('returns an HTTP error status as a response', () => {
    const r = new NodeHttp().get(`http://127.0.0.1:${port}/limited`, {});
    expect(r).toEqual({ status: 429, body: '{"statusCode":429}' });
  });

  it('throws on a network failure', async () => {
    const p = await closedPort();
    expect(() => new NodeHttp(5_000).get(`http://127.0.0.1:${p}/`, {})).toThrow(/fetch failed|ECONNREFUSED/);
  });
});
