import { TestServer } from './support/harness';

describe('graceful shutdown', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    const server = await TestServer.start();
    try {
      const token = await server.token('vp');
      const page = '{ accounts(first: 100) { edges { node { name owner { name } team(first: 10) { edges { node { user { name } } } } contacts(first: 10) { edges { node { name } } } } } } }';
      server.resetQueries();
      const inFlight = fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: page }) });
      // Stop once the request has reached the database, as SIGTERM would in the middle of it.
      while (server.queries.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      const stopped = server.stop();
      const response = await inFlight;
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      expect(body.data.accounts.edges.length).toBeGreaterThan(50);
      await stopped;
      await expect(fetch(`${server.origin}/health`)).rejects.toThrow();
    } finally {
      await server.close();
    }
  });
});
