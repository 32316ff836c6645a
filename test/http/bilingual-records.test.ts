/**
 * Decisions, tasks, materials and events carry their text in Russian and Kazakh through the API, as the web forms
 * send it: either may be empty, not both, on adding and on changing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg } from '../factories/org.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

interface ErrorBody {
  error: { fields?: { path: string; code: string; message: string }[] };
}
const fieldsOf = (body: unknown) =>
  ((body as ErrorBody).error.fields ?? []).map(({ path, code }) => ({ path, code }));

describe.each(DIALECTS)('texts in two languages over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let editor: Client;
  let org: string;

  beforeAll(async () => {
    server = await openTestServer(dialect);
    org = (await buildOrg(server.ctx, 'region')).code;
    editor = await signIn(server.app, await addUser(server.ctx, 'manager', org));
  });
  afterAll(() => server.close());

  it('stores and gives back both titles of a decision and both texts of its task', async () => {
    const created = await editor.post('/api/v1/decisions', {
      org,
      body: 'executive_committee',
      adoptedOn: '2024-04-19',
      titleRu: 'Об информационной работе',
      titleKk: 'Ақпараттық жұмыс туралы',
    });
    expect(created.statusCode).toBe(201);
    const decision = created.json() as { id: number };
    expect((await editor.get(`/api/v1/decisions/${decision.id}`)).json()).toMatchObject({
      titleRu: 'Об информационной работе',
      titleKk: 'Ақпараттық жұмыс туралы',
    });
    const task = await editor.post(`/api/v1/decisions/${decision.id}/tasks`, {
      textRu: 'Создать страницы в Instagram',
      textKk: 'Instagram желісінде парақшалар ашу',
    });
    expect(task.statusCode).toBe(201);
    const tasks = (await editor.get(`/api/v1/tasks?parentId=${decision.id}`)).json() as {
      items: { textRu: string | null; textKk: string | null }[];
    };
    expect(tasks.items).toMatchObject([
      { textRu: 'Создать страницы в Instagram', textKk: 'Instagram желісінде парақшалар ашу' },
    ]);
  });

  it('takes a material or an event in one language only, the other left empty as the form leaves it', async () => {
    const material = await editor.post('/api/v1/materials', {
      org,
      titleKk: 'Кәсіподақ мүшесіне жадынама',
      titleRu: '  ',
      kind: 'manual',
      issuedOn: '2024-02-01',
    });
    expect(material.statusCode).toBe(201);
    expect(material.json()).toMatchObject({ titleRu: null, titleKk: 'Кәсіподақ мүшесіне жадынама' });
    const event = await editor.post('/api/v1/events', {
      org,
      titleRu: 'Семинар по трудовым спорам',
      kind: 'seminar',
      topic: 'legal',
      heldOn: '2024-03-14',
    });
    expect(event.json()).toMatchObject({ titleRu: 'Семинар по трудовым спорам', titleKk: null });
    const changed = await editor.patch(`/api/v1/events/${(event.json() as { id: number }).id}`, {
      titleKk: 'Еңбек даулары жөніндегі семинар',
    });
    expect(changed.json()).toMatchObject({
      titleRu: 'Семинар по трудовым спорам',
      titleKk: 'Еңбек даулары жөніндегі семинар',
    });
  });

  it('refuses a record with neither language, and a change that would empty both, saying what to write', async () => {
    const none = await editor.post('/api/v1/materials', {
      org,
      kind: 'manual',
      issuedOn: '2024-02-01',
    });
    expect(none.statusCode).toBe(400);
    expect(fieldsOf(none.json())).toEqual([{ path: 'titleRu', code: 'one_language_required' }]);
    expect((none.json() as ErrorBody).error.fields?.[0]?.message).toContain('на русском или на казахском');

    const decision = (
      await editor.post('/api/v1/decisions', {
        org,
        body: 'presidium',
        adoptedOn: '2024-01-15',
        titleRu: 'О плане работы',
      })
    ).json() as { id: number };
    const emptied = await editor.patch(`/api/v1/decisions/${decision.id}`, { titleRu: null });
    expect(emptied.statusCode).toBe(400);
    expect(fieldsOf(emptied.json())).toEqual([{ path: 'titleRu', code: 'one_language_required' }]);
    expect((await editor.get(`/api/v1/decisions/${decision.id}`)).json()).toMatchObject({
      titleRu: 'О плане работы',
    });
    const task = await editor.post(`/api/v1/decisions/${decision.id}/tasks`, { textKk: '' });
    expect(fieldsOf(task.json())).toEqual([{ path: 'textRu', code: 'one_language_required' }]);
  });
});
