/**
 * DICOM secure transport connections (PS3.15 Annex B, the BCP 195 TLS
 * profiles): the TCP or TLS socket under an association, for both roles.
 * Node only (node:net, node:tls); knows nothing of PDUs or XState.
 *
 * An association starts on a socket that is ready to carry PDUs: for TLS that
 * is after the handshake (and the client certificate check), so a peer that
 * fails TLS never reaches the Upper Layer (no Evt5, no Sta2). Every socket has
 * Nagle off (TCP_NODELAY): PDUs are written whole.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import type tls from 'node:tls';

/** node:tls, loaded on first use: most associations are plain TCP, and it costs start-up time of every app. */
const loadTls = (): typeof tls => createRequire(import.meta.url)('node:tls') as typeof tls;

/** PEM text or bytes; several CA certificates may be given as a list. */
export type Pem = string | Buffer;

/** TLS for an SCP's listener. */
export interface ServerTlsOptions {
  /** Our certificate chain (PEM). */
  cert: Pem;
  /** Its private key (PEM, unencrypted). */
  key: Pem;
  /** CA certificate(s) a client certificate must chain to. Default: Node's root CAs. */
  ca?: Pem | Pem[];
  /** Ask each requestor for a certificate (dcmtk --verify-peer-cert / --require-peer-cert). Default false. */
  requestCert?: boolean;
  /** With `requestCert`: refuse a requestor whose certificate is missing or not signed by `ca` (dcmtk --require-peer-cert). Default true. */
  rejectUnauthorized?: boolean;
  /** Longest TLS handshake, ms; the connection is dropped after it. Default: the AE's ARTIM timeout, else 30 000. */
  handshakeTimeoutMs?: number;
  /** Lowest TLS version. Default 'TLSv1.2' (BCP 195). */
  minVersion?: tls.SecureVersion;
}

/** TLS for a requestor's connection. */
export interface ClientTlsOptions {
  /** CA certificate(s) the acceptor's certificate must chain to. Default: Node's root CAs. */
  ca?: Pem | Pem[];
  /** Our client certificate (PEM), for acceptors that require one. */
  cert?: Pem;
  /** Its private key (PEM, unencrypted). */
  key?: Pem;
  /** Verify the acceptor's certificate: chain to `ca` and host name (or IP address) match. Default true. */
  rejectUnauthorized?: boolean;
  /** Host name to verify and send as SNI. Default: the host when it is a name, not an address. */
  servername?: string;
  /** Lowest TLS version. Default 'TLSv1.2' (BCP 195). */
  minVersion?: tls.SecureVersion;
}

/** Why a TLS connection never became an association. */
export interface TlsRefusal {
  /** "address:port" of the peer. */
  peer: string;
  /** OpenSSL / Node error code (e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE, ERR_SSL_NO_SHARED_CIPHER), if any. */
  code?: string;
  reason: string;
}

export interface TransportServerOptions {
  /** Absent: plain TCP. */
  tls?: ServerTlsOptions;
  /** A socket ready for PDUs (TCP accepted, or TLS handshake done and the peer verified). */
  onSocket(socket: net.Socket): void;
  /** A TLS connection refused before any PDU: failed handshake or client certificate. */
  onRefused?(refusal: TlsRefusal): void;
}

const DEFAULT_HANDSHAKE_MS = 30_000;

/**
 * A listening-ready server for DICOM connections: net.Server for plain TCP,
 * tls.Server for TLS. With `requestCert` and `rejectUnauthorized` (default),
 * a client without a certificate signed by `ca` is refused right after the
 * handshake, reported through `onRefused`, and never handed to `onSocket`.
 */
export function createTransportServer(o: TransportServerOptions): net.Server {
  if (!o.tls) {
    const server = net.createServer({ noDelay: true, allowHalfOpen: false });
    server.on('connection', (socket) => o.onSocket(socket));
    return server;
  }
  const t = o.tls;
  const rejectUnauthorized = t.rejectUnauthorized ?? true;
  const server = loadTls().createServer({
    cert: t.cert,
    key: t.key,
    ...(t.ca !== undefined ? { ca: t.ca } : {}),
    requestCert: t.requestCert === true,
    // Checked below, so that a refusal is reported instead of a silent close.
    rejectUnauthorized: false,
    minVersion: t.minVersion ?? 'TLSv1.2',
    handshakeTimeout: t.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_MS,
    noDelay: true,
    allowHalfOpen: false,
  });
  server.on('secureConnection', (socket: tls.TLSSocket) => {
    socket.setNoDelay(true);
    if (t.requestCert && !socket.authorized && rejectUnauthorized) {
      const presented = Object.keys(socket.getPeerCertificate() ?? {}).length > 0;
      const code = presented ? String(socket.authorizationError ?? 'CERT_UNTRUSTED') : 'NO_PEER_CERTIFICATE';
      o.onRefused?.({ peer: peerOf(socket), code, reason: `client certificate refused: ${code}` });
      socket.destroy();
      return;
    }
    o.onSocket(socket);
  });
  server.on('tlsClientError', (err: NodeJS.ErrnoException, socket: tls.TLSSocket) => {
    o.onRefused?.({ peer: peerOf(socket), ...(err.code ? { code: err.code } : {}), reason: `TLS handshake failed: ${err.message}` });
    socket.destroy();
  });
  return server;
}

/**
 * Opens the transport connection of a requestor (AE-1). The socket reports
 * readiness with `readyEvent(socket)` ('connect', or 'secureConnect' once
 * the TLS handshake is done and the acceptor's certificate verified), and
 * failures with 'error' then 'close', like any socket.
 */
export function connectTransport(o: { host: string; port: number; tls?: ClientTlsOptions }): net.Socket {
  if (!o.tls) return net.connect({ host: o.host, port: o.port, noDelay: true });
  const t = o.tls;
  const servername = t.servername ?? (net.isIP(o.host) ? undefined : o.host);
  const socket = loadTls().connect({
    host: o.host,
    port: o.port,
    ...(t.ca !== undefined ? { ca: t.ca } : {}),
    ...(t.cert !== undefined ? { cert: t.cert } : {}),
    ...(t.key !== undefined ? { key: t.key } : {}),
    ...(servername ? { servername } : {}),
    rejectUnauthorized: t.rejectUnauthorized ?? true,
    minVersion: t.minVersion ?? 'TLSv1.2',
  });
  // TLSWrap passes this to the TCP handle; libuv applies it as soon as the fd exists.
  socket.setNoDelay(true);
  return socket;
}

/** The event by which a socket from connectTransport says it may carry PDUs (Evt2). */
export function readyEvent(socket: net.Socket): 'connect' | 'secureConnect' {
  return (socket as Partial<tls.TLSSocket>).encrypted === true ? 'secureConnect' : 'connect';
}

/** Reads a PEM file for a CLI option; throws "cannot read --tls-cert FILE: ENOENT". */
export function readPem(file: string, option: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(`cannot read ${option} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
}

function peerOf(socket: net.Socket): string {
  return `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
}
