import { describe, expect, it } from 'vitest';
import { checkEndpointUrl, guardedLookup, isPublicAddress } from './endpoint-guard';

const strict = { production: true, allowPrivate: false };

describe('webhook endpoint guard (SSRF)', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '224.0.0.1'])(
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
