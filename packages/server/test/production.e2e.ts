import { signDevToken } from '../src/common/auth';
import { DEV_JWT_SECRET } from '../src/config/config';
import { errorCodes, TestServer } from './support/harness';

/** NODE_ENV=production: no playground, no introspection, no schema hints in errors. */
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start({ env: { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-chars' } });
});

afterAll(async () => {
  await server.close();
});

it('serves no playground page', async () => {
  const response = await fetch(server.url, { headers: { accept: 'text/html' } });
  expect(await response.text()).not.toContain('GraphiQL');
});

it('refuses introspection, even signed in', async () => {
  const response = await server.gql('vp', '{ __schema { types { name } } }');
  expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  expect(response.body.data ?? null).toBeNull();
});

it('suggests no field names in errors', async () => {
  const response = await server.gql('vp', '{ acounts { totalCount } }');
  expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  expect(response.body.errors?.[0].message).not.toMatch(/Did you mean|accounts/);
});

it('refuses development tokens signed with another secret', async () => {
  const devToken = await signDevToken(DEV_JWT_SECRET, { email: 'dana.whitfield@accountgraph.example' });
  const response = await server.post({ query: '{ viewer { name } }' }, { authorization: `Bearer ${devToken}` });
  expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
});
