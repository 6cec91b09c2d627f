import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { csvLine, writer } from './export';

/**
 * The export's writer over a real socket to a client that reads slowly, so nearly every chunk
 * waits for the socket to drain: a download of every invoice waits once per batch.
 */
it('waits for a slow reader batch after batch without piling listeners on the response', async () => {
  const chunks = 40;
  const chunk = 'x'.repeat(256 * 1024);
  const seen: { close: number; error: number; drain: number }[] = [];
  let drains = 0;
  const server = http.createServer((_req, res) => {
    res.on('drain', () => drains++);
    void (async () => {
      const write = writer(res);
      for (let i = 0; i < chunks; i++) {
        await write(chunk);
        seen.push({
          close: res.listenerCount('close'),
          error: res.listenerCount('error'),
          drain: res.listenerCount('drain'),
        });
      }
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const received = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, agent: false }, (res) => {
          let bytes = 0;
          res.on('data', (part: Buffer) => {
            bytes += part.length;
            res.pause(); // a slow reader: the server's writes back up
            setTimeout(() => res.resume(), 2);
          });
          res.on('end', () => resolve(bytes));
          res.on('error', reject);
        })
        .on('error', reject);
    });
    expect(received).toBe(chunks * chunk.length);
    expect(drains).toBeGreaterThan(chunks / 2); // the writer did wait, again and again
    // As many listeners after the last wait as after the first: each wait took its own away.
    expect(seen).toEqual(seen.map(() => seen[0]));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

it('writes RFC 4180 records, quoting what needs it and keeping formula-looking text inert', () => {
  expect(csvLine(['a', 1, null, 'b,c', 'say "hi"', 'two\nlines', '=SUM(A1)', -5, true])).toBe(
    'a,1,,"b,c","say ""hi""","two\nlines",\'=SUM(A1),-5,true\r\n',
  );
  expect(csvLine([])).toBe('\r\n');
});
