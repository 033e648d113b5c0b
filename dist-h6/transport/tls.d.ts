import net from 'node:net';
import tls from 'node:tls';
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
/**
 * A listening-ready server for DICOM connections: net.Server for plain TCP,
 * tls.Server for TLS. With `requestCert` and `rejectUnauthorized` (default),
 * a client without a certificate signed by `ca` is refused right after the
 * handshake, reported through `onRefused`, and never handed to `onSocket`.
 */
export declare function createTransportServer(o: TransportServerOptions): net.Server;
/**
 * Opens the transport connection of a requestor (AE-1). The socket reports
 * readiness with `readyEvent(socket)` ('connect', or 'secureConnect' once
 * the TLS handshake is done and the acceptor's certificate verified), and
 * failures with 'error' then 'close', like any socket.
 */
export declare function connectTransport(o: {
    host: string;
    port: number;
    tls?: ClientTlsOptions;
}): net.Socket;
/** The event by which a socket from connectTransport says it may carry PDUs (Evt2). */
export declare function readyEvent(socket: net.Socket): 'connect' | 'secureConnect';
/** Reads a PEM file for a CLI option; throws "cannot read --tls-cert FILE: ENOENT". */
export declare function readPem(file: string, option: string): Buffer;
