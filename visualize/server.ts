/**
 * The live inspector's HTTP + WebSocket server.
 *
 *   GET /             the page (page/index.html); the page's other files by name
 *   GET /bundle.js    the page's modules joined into one script (page-bundle.ts)
 *   GET /graph.json   the state diagram (graph.ts)
 *   GET /table.json   states, events and actions with their PS3.8 meanings
 *   WS  /inspect      the hub's backlog, then live records (protocol.ts): one JSON
 *                     text message per record, or with ?batch=1 (the page) one JSON
 *                     array per message holding the records of one batch window
 *                     (client-feed.ts);
 *                     with ?shared=1 (the page) a contexts table many associations
 *                     share is sent once (protocol.ts SharedValue); clients send nothing
 *
 * Binds 127.0.0.1 by default. A browser connection from another origin is
 * refused (a web page cannot read the stream of a local inspector). Client
 * errors are logged and end that client only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFeed, DEFAULT_HIGH_WATER_MARK } from './client-feed.js';
import { buildGraph, buildTableJson } from './graph.js';
import type { InspectorHub } from './hub.js';
import { buildPageBundle } from './page-bundle.js';

export interface InspectorServerOptions {
  hub: InspectorHub;
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  log?: Logger;
  /** Per-client send buffer above which records are dropped. Default 1 MiB. */
  highWaterMark?: number;
  /**
   * When set, every request (page, files, /inspect) needs `?token=TOKEN`, or
   * the cookie the page gets with it (so its own requests need no token).
   * Required by the CLI when `host` is not a loopback address.
   */
  token?: string;
}

export interface InspectorServer {
  port: number;
  /** http://host:port/ */
  url: string;
  /** Terminates every client, stops listening and frees the port. */
  close(): Promise<void>;
}

/**
 * The page's files: dist/visualize/page/ (scripts/copy-assets.mjs), found from dist/'s first level, where both this
 * module (dist/visualize/server.js) and the CLI bundle (dist/cli/netdicom.cjs, whose import.meta.url this is when
 * bundled) live.
 */
const PAGE_DIR = new URL('../visualize/page/', import.meta.url);

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};

const CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'";

let graphText: string | undefined;
let tableText: string | undefined;
let bundleText: string | undefined;

/** Starts the inspector server; resolves once it listens. */
export async function startInspectorServer(opts: InspectorServerOptions): Promise<InspectorServer> {
  const { hub, log } = opts;
  const host = opts.host ?? '127.0.0.1';
  let cookieName = 'netdicom_inspect';
  const tokenOk = tokenCheck(opts.token, () => cookieName);
  graphText ??= JSON.stringify(buildGraph());
  tableText ??= JSON.stringify(buildTableJson());
  // The page folder is listed once; only those names are ever read (no path from the URL reaches the file system).
  const entries = await readdir(PAGE_DIR, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    throw new Error(`inspector page folder ${PAGE_DIR.pathname} is missing (${err.code}); run node scripts/copy-assets.mjs after tsc`, { cause: err });
  });
  const pageFiles = new Set(entries.filter((d) => d.isFile()).map((d) => d.name));
  bundleText ??= buildPageBundle(PAGE_DIR);

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log?.warn({ err, url: req.url }, 'inspector: request failed');
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    }
    if (!tokenOk(req, res)) return send(res, 401, 'text/plain; charset=utf-8', 'inspector token required: ?token=TOKEN');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/graph.json') return send(res, 200, TYPES.json!, graphText!);
    if (path === '/table.json') return send(res, 200, TYPES.json!, tableText!);
    if (path === '/bundle.js') return send(res, 200, TYPES.js!, bundleText!);
    const name = path === '/' ? 'index.html' : path.slice(1);
    if (!pageFiles.has(name)) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    const body = await readFile(new URL(name, PAGE_DIR));
    send(res, 200, TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream', body);
  }

  function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': CSP,
    });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  }

  server.on('clientError', (err, socket) => {
    log?.debug({ err }, 'inspector: bad HTTP request');
    socket.destroy();
  });

  const wss = new WebSocketServer({
    server,
    path: '/inspect',
    maxPayload: 4096,
    verifyClient: ({ origin, req }: { origin?: string; req: IncomingMessage }) => sameOrigin(origin, req.headers.host) && tokenOk(req),
  });
  const clients = new Set<WebSocket>();

  wss.on('error', (err) => log?.warn({ err }, 'inspector: WebSocket server error'));
  wss.on('connection', (ws, req) => {
    clients.add(ws);
    const peer = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    const feed = new ClientFeed(ws, {
      highWaterMark: opts.highWaterMark ?? DEFAULT_HIGH_WATER_MARK,
      batch: params.get('batch') === '1',
      shared: params.get('shared') === '1',
      onSendError: () => ws.terminate(),
    });
    log?.info({ client: peer }, 'inspector: client connected');
    let unsubscribe = (): void => {};
    ws.on('error', (err) => {
      log?.debug({ err, client: peer }, 'inspector: client error');
      ws.terminate();
    });
    ws.on('message', () => {}); // clients have nothing to say; maxPayload bounds what they can send
    ws.on('close', () => {
      unsubscribe();
      clients.delete(ws);
      log?.info({ client: peer, sent: feed.sent, dropped: feed.droppedTotal }, 'inspector: client gone');
    });
    unsubscribe = hub.subscribe(feed.push);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => log?.error({ err }, 'inspector: HTTP server error'));

  const port = (server.address() as AddressInfo).port;
  cookieName = `netdicom_inspect_${port}`;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  log?.info({ url }, 'inspector listening');

  let closing: Promise<void> | undefined;
  return {
    port,
    url,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const ws of clients) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/**
 * True without a token, or when the request carries it (`?token=`, or the
 * cookie set on the first request that had it). Compared in constant time.
 */
function tokenCheck(token: string | undefined, cookie: () => string) {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const want = token === undefined ? undefined : digest(token);
  // The cookie holds the token URI-encoded, as set below.
  return (req: IncomingMessage, res?: ServerResponse): boolean => {
    if (!want) return true;
    const given = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
    if (given !== null && timingSafeEqual(digest(given), want)) {
      res?.setHeader('Set-Cookie', `${cookie()}=${encodeURIComponent(given)}; HttpOnly; SameSite=Strict; Path=/`);
      return true;
    }
    const fromCookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).find(([k]) => k === cookie())?.[1];
    return fromCookie !== undefined && timingSafeEqual(digest(fromCookie), digest(encodeURIComponent(token!)));
  };
}

/** Non-browser clients send no Origin; a browser must come from the page this server served. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
