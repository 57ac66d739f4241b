/**
 * Serves a built site on a free loopback port, under its base URL, the way
 * a static host does (clean URLs, gzip), so the PDF packets and the
 * benchmark need no other process and no network. serve-handler does the
 * file serving, as it does for `docusaurus serve`; compression gives
 * realistic transfer sizes for the benchmark.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import handler from 'serve-handler';

export interface Served {
  /** e.g. http://127.0.0.1:43211 */
  readonly origin: string;
  /** The base URL the site is mounted at, e.g. `/` or `/sub/`. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** `port` 0 (the default) takes any free port; give one where only some ports may be used. */
export async function serveBuild(root: string, baseUrl = '/', port = 0): Promise<Served> {
  const compress = compression();
  const server = createServer((request, response) => {
    if (!request.url?.startsWith(baseUrl)) {
      response.writeHead(404).end('Not found: this server serves the site under its base URL');
      return;
    }
    request.url = `/${request.url.slice(baseUrl.length)}`;
    compress(request as Parameters<typeof compress>[0], response as Parameters<typeof compress>[1], () => {
      void handler(request, response, { public: root, cleanUrls: true, trailingSlash: false, directoryListing: false });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: listening } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${listening}`, baseUrl, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
