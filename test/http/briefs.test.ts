/**
 * The brief over HTTP: written when downloaded, in Word, Excel, HTML and Markdown, named for every browser; an
 * organization outside the caller's subtree answers 404 and a branch's brief holds nothing of its siblings; the
 * HTML preview shows user text as text and is sent sandboxed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition } from '../../src/http/routes/download.js';
import { createOrganization, type Organization } from '../../src/services/org.service.js';
import { buildTree, uniqueCode } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { docxText } from '../helpers/office.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const INJECTED = '<img src=x onerror=alert(1)>';

interface Envelope {
  error: { code: string; fields?: { path: string; code: string }[] };
}

const fieldPaths = (body: unknown) => ((body as Envelope).error.fields ?? []).map((field) => field.path);

describe.each(DIALECTS)('briefs over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let admin: Client;
  let viewerA: Client;
  let region: Organization;
  let branchA: Organization;
  let branchB: Organization;
  let injected: Organization;

  const download = (client: Client, org: Organization, query: string) =>
    client.request({
      method: 'GET',
      url: `/api/v1/briefs/download?org=${org.code}&period=2023&${query}`,
    });

  beforeAll(async () => {
    server = await openTestServer(dialect);
    const { ctx, app } = server;
    const { regions } = await buildTree(ctx, {
      regions: 1,
      branches: 2,
      primariesPerBranch: 1,
      directPrimaries: 0,
    });
    const tree = regions[0];
    if (!tree) throw new Error('no region');
    region = tree.org;
    [branchA, branchB] = tree.branches.map((branch) => branch.org) as [Organization, Organization];
    // A branch whose name carries markup: the HTML must show it as text.
    injected = await createOrganization(ctx, {
      code: uniqueCode('branch'),
      kind: 'branch',
      parent: region.code,
      nameRu: `Филиал ${INJECTED}`,
      nameKk: `Филиал ${INJECTED}`,
    });
    for (const branch of [branchA, branchB, injected]) {
      const channel = await buildChannel(ctx, branch, 'facebook');
      await buildPublication(ctx, channel, { title: `Новость <script>alert(1)</script> ${branch.code}` });
    }
    admin = await signIn(app, await addUser(ctx, 'admin'));
    viewerA = await signIn(app, await addUser(ctx, 'viewer', branchA.code));
  });
  afterAll(() => server.close());

  it('refuses without a session and tells bad queries by field', async () => {
    const anonymous = await server.app.inject({
      method: 'GET',
      url: `/api/v1/briefs/download?org=${region.code}&period=2023&format=docx`,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await server.app.inject({ method: 'POST', url: '/api/v1/briefs', payload: {} })).statusCode).toBe(
      401,
    );

    const bad = await admin.get('/api/v1/briefs/download?period=2023&format=pdf&lang=en&colour=red');
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad.json())).toEqual(expect.arrayContaining(['org', 'format', 'lang', 'colour']));
    const period = await admin.get(`/api/v1/briefs/download?org=${region.code}&period=2023-13&format=md`);
    expect(period.statusCode).toBe(400);
    expect(period.json()).toMatchObject({ error: { code: 'period_invalid' } });
    const formats = await admin.post('/api/v1/briefs', {
      org: region.code,
      period: '2023',
      formats: ['pdf'],
    });
    expect(formats.statusCode).toBe(400);
    expect(fieldPaths(formats.json())).toEqual(['formats.0']);
  });

  it('writes a valid Word file named for every browser', async () => {
    const response = await download(admin, region, 'format=docx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX);
    // Named as a person would name it: «Справка», the organization's full name, the period as written.
    const name = `Справка_${region.nameRu}_2023.docx`;
    expect(response.headers['content-disposition']).toBe(contentDisposition(name));
    expect(String(response.headers['content-disposition'])).toContain(encodeURIComponent(name));
    const text = await docxText(response.rawPayload);
    expect(text).toContain('СПРАВКА');
    expect(text).toContain(region.nameRu);
  });

  it('writes the Kazakh brief in Kazakh, and the Excel workbook', async () => {
    const response = await download(admin, region, 'format=docx&lang=kk');
    expect(response.statusCode).toBe(200);
    const text = await docxText(response.rawPayload);
    expect(text).toContain('АНЫҚТАМА');
    expect(text).toContain('ақпараттық жұмыстың жай-күйі туралы');
    expect(text).toContain(region.nameKk);
    expect(text).not.toContain('СПРАВКА');
    expect(text).not.toContain('о состоянии информационной работы');

    const xlsx = await download(admin, region, 'format=xlsx&lang=kk');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.rawPayload.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });

  it('previews the HTML inline, sandboxed, user text escaped', async () => {
    const response = await download(admin, region, 'format=html&disposition=inline');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(String(response.headers['content-disposition'])).toMatch(/^inline; filename="/);
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body).toContain('Филиал &lt;img src=x onerror=alert(1)&gt;');
    expect(response.body).not.toContain(INJECTED);
    expect(response.body).not.toContain('<script');
  });

  it("answers 404 outside the caller's subtree; a branch's brief holds none of its siblings", async () => {
    for (const org of [region, branchB]) {
      const response = await download(viewerA, org, 'format=md');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'org_unknown' } });
      expect((await viewerA.post('/api/v1/briefs', { org: org.code, period: '2023' })).statusCode).toBe(404);
    }
    const whole = await download(admin, region, 'format=md');
    expect(whole.body).toContain(branchA.nameRu);
    expect(whole.body).toContain(branchB.nameRu);

    const own = await download(viewerA, branchA, 'format=md');
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(branchA.nameRu);
    for (const sibling of [branchB, injected]) {
      expect(own.body).not.toContain(sibling.code);
      expect(own.body).not.toContain(sibling.nameRu);
    }
  });

  it('answers the links to the files of a brief asked for', async () => {
    const response = await viewerA.post('/api/v1/briefs', {
      org: branchA.code,
      period: '2023-H1',
      lang: 'kk',
      formats: ['docx', 'html'],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { files: { format: string; fileName: string; url: string }[] };
    expect(body).toMatchObject({ org: branchA.code, from: '2023-01-01', to: '2023-06-30', lang: 'kk' });
    expect(body.files.map((file) => [file.format, file.fileName])).toEqual([
      ['docx', `Анықтама_${branchA.nameKk}_2023-H1.docx`],
      ['html', `Анықтама_${branchA.nameKk}_2023-H1.html`],
    ]);
    const html = await viewerA.get(body.files[1]?.url ?? '');
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<html lang="kk">');
  });
});

it('names a downloaded file in Cyrillic for every browser: an ASCII fallback and the UTF-8 name', () => {
  expect(contentDisposition('Справка "Абай" 2023.docx', 'inline')).toBe(
    `inline; filename="_______ ______ 2023.docx"; filename*=UTF-8''${encodeURIComponent('Справка "Абай" 2023.docx')}`,
  );
  expect(contentDisposition("it's (1).md")).toBe(
    `attachment; filename="it's (1).md"; filename*=UTF-8''it%27s%20%281%29.md`,
  );
});
