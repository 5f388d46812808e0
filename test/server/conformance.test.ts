// Every answer parses with the shared zod schemas of src-shared/protocol.ts, which the desktop app
// uses to read them: a drift between server and contract fails here first.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  AccountSettings, ApiError, EventPage, Hello, MessageDetail, MessagePage, Preferences, RegisterMessageResponse, TrackingEvent,
} from '../../src-shared/protocol';
import { addTestUser, api, connectSocket, hitAsPerson, registerMessage, startTestServer, waitFor, type TestServer, type TestUser } from '../support/server';

let server: TestServer;
let user: TestUser;
beforeAll(async () => {
  server = await startTestServer();
  user = addTestUser(server);
});
afterAll(() => server.close());

it('answers every route in the shape of the contract', async () => {
  const m = await registerMessage(server, user.token, {
    to: [{ email: 'a@acme.example', name: 'A' }], cc: [{ email: 'b@acme.example' }], perRecipient: true, log: true, text: 'plain',
  });
  RegisterMessageResponse.parse(m);
  await hitAsPerson(m.bodies[0]!.pixelUrl!);
  await hitAsPerson(m.links[0]!.trackedUrl);
  await hitAsPerson(m.pixelUrl!, { method: 'HEAD' });
  await api(server, user.token, 'POST', `/api/v1/messages/${m.id}/replies`, { from: 'b@acme.example' });

  const page = MessagePage.parse((await api(server, user.token, 'GET', '/api/v1/messages')).body);
  expect(page.items).toHaveLength(1);
  const detail = MessageDetail.parse((await api(server, user.token, 'GET', `/api/v1/messages/${m.id}`)).body);
  expect(detail.events.length).toBeGreaterThanOrEqual(5);
  expect(detail.logCopy).toBeDefined();
  const events = EventPage.parse((await api(server, user.token, 'GET', '/api/v1/events')).body);
  expect(events.events).toEqual(detail.events);
  Preferences.parse((await api(server, user.token, 'GET', '/api/v1/me/preferences')).body);
  AccountSettings.parse((await api(server, user.token, 'GET', '/api/v1/account/settings')).body);
  ApiError.parse((await api(server, user.token, 'GET', '/api/v1/messages/nope')).body);
  ApiError.parse((await api(server, null, 'GET', '/api/v1/events')).body);

  const { socket, received } = connectSocket(server, user.token, 0);
  let hello: unknown;
  socket.on('hello', (h) => (hello = h));
  try {
    await waitFor(() => received.length === events.events.length && hello !== undefined, 5000, 'socket replay');
    Hello.parse(hello);
    for (const e of received) TrackingEvent.parse(e);
  } finally {
    socket.disconnect();
  }
});
