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
import net from 'node:net';
import tls from 'node:tls';
const DEFAULT_HANDSHAKE_MS = 30_000;
/**
 * A listening-ready server for DICOM connections: net.Server for plain TCP,
 * tls.Server for TLS. With `requestCert` and `rejectUnauthorized` (default),
 * a client without a certificate signed by `ca` is refused right after the
 * handshake, reported through `onRefused`, and never handed to `onSocket`.
 */
export function createTransportServer(o) {
    if (!o.tls) {
        const server = net.createServer({ noDelay: true, allowHalfOpen: false });
        server.on('connection', (socket) => o.onSocket(socket));
        return server;
    }
    const t = o.tls;
    const rejectUnauthorized = t.rejectUnauthorized ?? true;
    const server = tls.createServer({
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
    server.on('secureConnection', (socket) => {
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
    server.on('tlsClientError', (err, socket) => {
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
export function connectTransport(o) {
    if (!o.tls)
        return net.connect({ host: o.host, port: o.port, noDelay: true });
    const t = o.tls;
    const servername = t.servername ?? (net.isIP(o.host) ? undefined : o.host);
    const socket = tls.connect({
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
export function readyEvent(socket) {
    return socket instanceof tls.TLSSocket ? 'secureConnect' : 'connect';
}
/** Reads a PEM file for a CLI option; throws "cannot read --tls-cert FILE: ENOENT". */
export function readPem(file, option) {
    try {
        return readFileSync(file);
    }
    catch (err) {
        throw new Error(`cannot read ${option} ${file}: ${err.code ?? err.message}`, { cause: err });
    }
}
function peerOf(socket) {
    return `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
}
//# sourceMappingURL=tls.js.map