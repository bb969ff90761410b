import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { readStaffAuthConfig, type StaffAuthConfig } from './config';
import { misdirectedHost } from './responses';
import { sameOrigin } from './sign-out';

function config(env: Record<string, string>): StaffAuthConfig {
  const result = readStaffAuthConfig({ OIDC_ISSUER: 'https://idp.example.gov', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's', SITE_URL: 'https://www.example.gov', ...env });
  if (result.status !== 'ok') throw new Error('test configuration is invalid');
  return result.config;
}

describe('misdirectedHost', () => {
  const request = (host: string) => new NextRequest(`https://${host}/api/auth/sign-in?returnTo=/preview`, { headers: { host } });

  it('sends sign-in on the public host to the preview host, where its cookies and the callback live', () => {
    const response = misdirectedHost(request('www.example.gov'), config({ PREVIEW_HOST: 'preview.example.gov' }));
    expect(response?.status).toBe(303);
    expect(response?.headers.get('location')).toBe('https://preview.example.gov/api/auth/sign-in?returnTo=/preview');
  });

  it('lets it through on the preview host, or anywhere without PREVIEW_HOST', () => {
    expect(misdirectedHost(request('preview.example.gov'), config({ PREVIEW_HOST: 'preview.example.gov' }))).toBeUndefined();
    expect(misdirectedHost(request('www.example.gov'), config({}))).toBeUndefined();
  });
});

describe('sameOrigin (sign-out)', () => {
  const post = (headers: Record<string, string>) => new Request('https://www.example.gov/api/auth/sign-out', { method: 'POST', headers });

  it('accepts a form posted from this site', () => {
    expect(sameOrigin(post({ host: 'www.example.gov', origin: 'https://www.example.gov' }))).toBe(true);
  });

  it.each([
    [{ host: 'www.example.gov', origin: 'https://attacker.example' }],
    [{ host: 'www.example.gov', origin: 'null' }],
    [{ host: 'www.example.gov' }],
    [{ host: 'www.example.gov', origin: 'not a url' }],
  ])('refuses %j', (headers) => {
    expect(sameOrigin(post(headers))).toBe(false);
  });
});
