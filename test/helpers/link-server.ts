// A local HTTP server for link checks: no test touches the network.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LinkServer {
  base: string;
  hits: string[];
  close(): Promise<void>;
}

/** files: bodies served with 200 at their path (documents read from a URL). */
/** redirects: path -> where it answers 301 to; etags: path -> the ETag its file is served with. */
export async function startLinkServer(options: { files?: Record<string, string | Buffer>; redirects?: Record<string, string>; etags?: Record<string, string> } = {}): Promise<LinkServer> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    hits.push(`${req.method} ${url}`);
    const send = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : 'body');
    };
    const file = options.files?.[url];
    const moved = options.redirects?.[url];
    if (moved !== undefined) return send(301, { location: moved });
    if (file !== undefined) {
      const etag = options.etags?.[url];
      res.writeHead(200, { 'content-type': 'text/markdown', ...(etag ? { etag } : {}) });
      return void res.end(req.method === 'HEAD' ? undefined : file);
    }
    // /chain/N redirects N times before reaching /ok.
    const chain = /^\/chain\/(\d+)$/.exec(url);
    if (chain) return Number(chain[1]) === 0 ? send(200) : send(302, { location: `/chain/${Number(chain[1]) - 1}` });
    if (url === '/ok') return send(200);
    if (url === '/missing') return send(404);
    if (url === '/head-refused') return req.method === 'HEAD' ? send(405) : send(200);
    if (url === '/redirect') return send(301, { location: '/ok' });
    if (url === '/loop') return send(302, { location: '/loop' });
    if (url === '/to-file') return send(302, { location: 'file:///etc/passwd' });
    if (url === '/rate') return send(429, { 'retry-after': '60' });
    if (url === '/slow') return void setTimeout(() => send(200), 2000);
    return send(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
