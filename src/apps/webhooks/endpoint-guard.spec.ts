import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEndpointUrl, guardedLookup, isPublicAddress } from './endpoint-guard';
import { deliveryError, postWebhook } from './services/endpoint-post';

const strict = { production: true, allowPrivate: false };

describe('webhook endpoint guard (SSRF)', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '224.0.0.1',
    // IPv4-compatible (deprecated ::/96), IPv4-mapped written in full, NAT64, 6to4 and IPv4-translated forms of internal addresses.
    '::127.0.0.1', '::7f00:1', '::10.0.0.1', '::8.8.8.8', '0:0:0:0:0:ffff:7f00:1', '64:ff9b::7f00:1', '2002:7f00:1::1', '::ffff:0:7f00:1'])(
    'treats %s as not public',
    (address) => expect(isPublicAddress(address)).toBe(false),
  );

  it.each(['8.8.8.8', '2001:4860:4860::8888'])('treats %s as public', (address) => expect(isPublicAddress(address)).toBe(true));

  it('accepts a public https endpoint in production and refuses http there, naming the rule', () => {
    expect(checkEndpointUrl('https://bank.example/hooks', strict).hostname).toBe('bank.example');
    expect(() => checkEndpointUrl('http://bank.example/hooks', strict)).toThrow(/https in production/);
    expect(() => checkEndpointUrl('http://bank.example/hooks', { ...strict, production: false })).not.toThrow();
  });

  it('refuses literal private addresses, localhost, credentials in the URL and other schemes', () => {
    expect(() => checkEndpointUrl('https://10.0.0.8/x', strict)).toThrow(/10\.0\.0\.8.*HUB_WEBHOOK_ALLOW_PRIVATE/);
    expect(() => checkEndpointUrl('https://[::ffff:7f00:1]/x', strict)).toThrow(/private, loopback or reserved/);
    for (const url of ['https://[::127.0.0.1]/', 'https://[::ffff:127.0.0.1]/', 'https://[0:0:0:0:0:0:7f00:1]/', 'https://[::169.254.169.254]/', 'https://2130706433/', 'https://0x7f.1/']) {
      expect(() => checkEndpointUrl(url, strict), url).toThrow(/private, loopback or reserved/);
    }
    expect(() => checkEndpointUrl('https://api.localhost/x', strict)).toThrow(/api\.localhost/);
    expect(() => checkEndpointUrl('https://user:pw@bank.example/x', strict)).toThrow(/user name or password/);
    expect(() => checkEndpointUrl('file:///etc/passwd', strict)).toThrow(/must be https/);
    expect(() => checkEndpointUrl('not a url', strict)).toThrow(/not an absolute URL/);
    expect(() => checkEndpointUrl(`https://bank.example/${'a'.repeat(3000)}`, strict)).toThrow(/longer than/);
  });

  it('allows private addresses only when configured', () => {
    expect(checkEndpointUrl('http://127.0.0.1:8080/x', { production: false, allowPrivate: true }).port).toBe('8080');
  });

  it('refuses, at connect time, a host name that resolves to a private address', async () => {
    const refused = await new Promise<NodeJS.ErrnoException | null>((resolve) => guardedLookup(false)('localhost', {}, (error) => resolve(error)));
    expect(refused?.code).toBe('EADDRNOTALLOWED');
    expect(refused?.message).toMatch(/localhost resolves to/);
    const allowed = await new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) => guardedLookup(true)('localhost', {}, (error, address) => resolve({ error, address })));
    expect(allowed.error).toBeNull();
    expect(typeof allowed.address).toBe('string');
  });
});

describe('webhook delivery at connect time', () => {
  let server: Server;
  let port: number;
  let received = 0;
  beforeAll(async () => {
    server = createServer((request, response) => {
      received += 1;
      request.resume();
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (url: string, allowPrivate: boolean) => postWebhook(url, {}, '{}', { timeoutMs: 5_000, allowPrivate });

  it('checks a literal address on every attempt (a subscription stored earlier is refused too), naming no address', async () => {
    const before = received;
    for (const host of ['127.0.0.1', '[::ffff:127.0.0.1]', '[::127.0.0.1]']) {
      const result = await post(`http://${host}:${port}/hook`, false);
      expect(result.status, host).toBeNull();
      expect(result.error).toMatch(/private, loopback or reserved/);
      expect(result.error).not.toMatch(/127\.0\.0\.1|7f00/);
    }
    expect(received).toBe(before);
    expect((await post(`http://127.0.0.1:${port}/hook`, true)).status).toBe(200);
    expect(received).toBe(before + 1);
  });

  it('checks the address a host name resolves to on the connection itself (DNS rebinding), and does not tell it', async () => {
    const before = received;
    const result = await post(`http://localhost:${port}/hook`, false);
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/localhost resolves to a private, loopback or reserved address/);
    expect(result.error).not.toMatch(/127\.0\.0\.1|::1/);
    expect(received).toBe(before);
  });

  it('records connection failures without the address connected to', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await post(`http://localhost:${closedPort}/hook`, true);
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/connection refused \(ECONNREFUSED\)/);
    expect(result.error).not.toContain(String(closedPort));
    expect(deliveryError(Object.assign(new Error('connect EWHATEVER 10.20.30.40:443 via fd00::7'), { code: 'EWHATEVER' }))).toBe('connect EWHATEVER [address] via [address]');
  });
});
