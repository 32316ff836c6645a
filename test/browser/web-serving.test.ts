/** The server hands out the built web application: files as they are, index.html for the browser's routes. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApp } from '../../src/http/web.js';

describe('serving the web application', () => {
  const root = `${mkdtempSync(join(tmpdir(), 'aqparat-web-'))}/`;
  const app = Fastify();

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    app.get('/api/v1/session', () => ({ signedIn: false }));
    app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: { code: 'not_found' } }));
    await app.register(webApp, { root });
  });

  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers the browser’s routes with index.html, never cached', async () => {
    for (const url of ['/', '/publications/12?org=abai', '/organizations/abai']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves built assets with a long cache and other files as they are', async () => {
    const asset = await app.inject({ url: '/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/favicon.svg' })).body).toBe('<svg/>');
  });

  it('leaves /api to the API: its routes answer, unknown ones get the 404 envelope', async () => {
    expect((await app.inject({ url: '/api/v1/session' })).json()).toEqual({ signedIn: false });
    const unknown = await app.inject({ url: '/api/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: { code: 'not_found' } });
    // Other spellings of an API path are the API's too: never index.html.
    for (const url of [
      '/API/V1/session',
      '/%61pi/v1/nothing',
      '//api//v1//session',
      '/api%2fv1%2fsession',
      '/api',
    ]) {
      expect((await app.inject({ url })).statusCode, url).toBe(404);
    }
  });

  it('gives nothing outside its folder', async () => {
    const response = await app.inject({ url: '/..%2f..%2fetc%2fpasswd' });
    expect(response.body).toContain('<div id="root">');
  });

  it('registers nothing when the web has not been built', async () => {
    const bare = Fastify();
    await bare.register(webApp, { root: join(root, 'missing/') });
    expect((await bare.inject({ url: '/publications' })).statusCode).toBe(404);
    await bare.close();
  });
});
