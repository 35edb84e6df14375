/**
 * The public address a talon's QR code is made from: what the administrator and PUBLIC_URL may
 * set, how it is stored, and the status page's link.
 */
import { describe, expect, it } from 'vitest';
import { normalizePublicUrl, publicAddressOf, statusPageUrl } from '../../src/domain/status-page';

describe('normalizePublicUrl', () => {
  it('keeps an http(s) address without its trailing slash', () => {
    expect(normalizePublicUrl('https://qabyldau.aktogay.example/')).toBe(
      'https://qabyldau.aktogay.example',
    );
    expect(normalizePublicUrl('  http://10.0.0.5:8080  ')).toBe('http://10.0.0.5:8080');
    expect(normalizePublicUrl('https://region.example/aktogay//')).toBe(
      'https://region.example/aktogay',
    );
    expect(normalizePublicUrl('HTTPS://Akt.Example')).toBe('https://akt.example');
  });

  it('refuses what would print a broken or dangerous link', () => {
    for (const bad of [
      '',
      '   ',
      'akt.example',
      'ftp://akt.example',
      'javascript:alert(1)',
      'https://',
      'https://user:pass@akt.example',
      'https://akt.example/?a=1',
      'https://akt.example/#top',
      `https://akt.example/${'x'.repeat(200)}`,
    ]) {
      expect(normalizePublicUrl(bad), bad).toBeNull();
    }
  });
});

describe('statusPageUrl', () => {
  it('appends /s/<registration number>', () => {
    expect(statusPageUrl('https://akt.example', '01-26-01-0001')).toBe(
      'https://akt.example/s/01-26-01-0001',
    );
    expect(statusPageUrl('https://region.example/aktogay/', '01-26-01-0001')).toBe(
      'https://region.example/aktogay/s/01-26-01-0001',
    );
  });
});

describe('publicAddressOf', () => {
  it('prints the district’s address when it has one', () => {
    expect(
      publicAddressOf('https://qabyldau.aktogay.example', 'http://10.0.0.5:8080', 'http://x'),
    ).toBe('https://qabyldau.aktogay.example');
  });

  it('falls back to the server the device syncs with, then to the app’s own origin', () => {
    expect(publicAddressOf(undefined, 'http://10.0.0.5:8080/', 'http://127.0.0.1:8080')).toBe(
      'http://10.0.0.5:8080',
    );
    expect(publicAddressOf(undefined, '', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    // A setting that is not an address (an older server's garbage) is not printed.
    expect(publicAddressOf('not a url', '', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });
});
