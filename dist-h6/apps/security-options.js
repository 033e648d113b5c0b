import { Option } from 'commander';
import { loadUserTable, userTable } from '../services/acse/user-identity.js';
import { readPem } from '../transport/tls.js';
import { parsePort, parsePositiveInt } from './args.js';
/** SCP apps: --tls-port, --tls-cert, --tls-key, --tls-ca, --require-peer-cert, --network-timeout (-tn), --users. */
export function scpSecurityOptions(cmd) {
    return cmd
        .option('--tls-port <port>', 'also listen for TLS connections on this port (needs --tls-cert, --tls-key)', (v) => parsePort(v, true))
        .option('--tls-cert <file>', 'our TLS certificate (PEM)')
        .option('--tls-key <file>', 'its private key (PEM, unencrypted)')
        .option('--tls-ca <file>', 'CA certificate(s) (PEM) that client certificates must chain to')
        .option('--require-peer-cert', 'TLS: refuse clients without a certificate signed by --tls-ca (dcmtk -rc)')
        .addOption(new Option('--tls-require-client-cert', 'same as --require-peer-cert').hideHelp())
        .addOption(new Option('--network-timeout <s>', 'abort an association when nothing is sent or received for this long, seconds (-tn; 0 = never)').argParser(parsePositiveInt('timeout')))
        .option('--users <file>', 'User Identity: JSON object username → passcode (or true: username only); others are rejected')
        .option('--user-identity-optional', 'with --users: also accept associations that carry no User Identity');
}
/** SCU apps: --tls, --tls-ca, --tls-cert, --tls-key, --ignore-peer-cert, --username/--user, --password, --pos-response. */
export function scuSecurityOptions(cmd) {
    return cmd
        .option('--tls', 'connect with TLS (PS3.15 Annex B)')
        .option('--tls-ca <file>', 'TLS: CA certificate(s) (PEM) the server certificate must chain to')
        .option('--tls-cert <file>', 'TLS: our client certificate (PEM)')
        .option('--tls-key <file>', 'TLS: its private key (PEM, unencrypted)')
        .option('--ignore-peer-cert', 'TLS: do not verify the server certificate (dcmtk -ic)')
        .option('--username <name>', 'User Identity: username (type 1; type 2 with --password)')
        .addOption(new Option('--user <name>', 'same as --username (dcmtk -usr)').hideHelp())
        .option('--password <passcode>', 'User Identity: passcode (-pwd)')
        .option('--pos-response', 'User Identity: ask for a positive response (-rsp)');
}
/** --inspect-host and --inspect-token, beside --inspect PORT. */
export function inspectOptions(cmd) {
    return cmd
        .option('--inspect-host <host>', 'address the inspector listens on (default 127.0.0.1; any other needs --inspect-token)')
        .option('--inspect-token <token>', 'the inspector page and stream then need ?token=TOKEN');
}
/** TLS for the --tls-port listener, or undefined without --tls-port. Throws on missing or unreadable files. */
export function serverTlsOf(o) {
    const requireCert = o.requirePeerCert === true || o.tlsRequireClientCert === true;
    if (o.tlsPort === undefined) {
        if (o.tlsCert || o.tlsKey || o.tlsCa || requireCert)
            throw new Error('TLS options given without --tls-port');
        return undefined;
    }
    if (!o.tlsCert || !o.tlsKey)
        throw new Error('--tls-port needs --tls-cert and --tls-key');
    return {
        cert: readPem(o.tlsCert, '--tls-cert'),
        key: readPem(o.tlsKey, '--tls-key'),
        ...(o.tlsCa ? { ca: readPem(o.tlsCa, '--tls-ca') } : {}),
        ...(requireCert ? { requestCert: true, rejectUnauthorized: true } : {}),
    };
}
/** AE options from the SCP security flags: network timeout and the user table check. */
export function scpAeSecurityOf(o) {
    if (o.userIdentityOptional && !o.users)
        throw new Error('--user-identity-optional needs --users');
    return {
        ...(o.networkTimeout ? { networkTimeoutMs: o.networkTimeout * 1000 } : {}),
        ...(o.users ? { checkUserIdentity: userTable(loadUserTable(o.users)) } : {}),
        ...(o.userIdentityOptional ? { userIdentityOptional: true } : {}),
    };
}
/** What an SCU app adds to each associate(): TLS and User Identity. Throws on inconsistent flags or unreadable files. */
export function scuConnectionOf(o) {
    if (!o.tls && (o.tlsCa || o.tlsCert || o.tlsKey || o.ignorePeerCert))
        throw new Error('TLS options given without --tls');
    if (!o.tlsCert !== !o.tlsKey)
        throw new Error('--tls-cert and --tls-key go together');
    const username = o.username ?? o.user;
    if (username === undefined && (o.password !== undefined || o.posResponse))
        throw new Error('--password and --pos-response need --username');
    const tls = o.tls
        ? {
            ...(o.tlsCa ? { ca: readPem(o.tlsCa, '--tls-ca') } : {}),
            ...(o.tlsCert ? { cert: readPem(o.tlsCert, '--tls-cert') } : {}),
            ...(o.tlsKey ? { key: readPem(o.tlsKey, '--tls-key') } : {}),
            ...(o.ignorePeerCert ? { rejectUnauthorized: false } : {}),
        }
        : undefined;
    return {
        ...(tls ? { tls } : {}),
        ...(username !== undefined
            ? { userIdentity: { username, ...(o.password !== undefined ? { passcode: o.password } : {}), ...(o.posResponse ? { positiveResponseRequested: true } : {}) } }
            : {}),
    };
}
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** The inspector's host and token; a non-loopback host without a token is refused. */
export function inspectAddressOf(o) {
    const host = o.inspectHost ?? '127.0.0.1';
    const loopback = LOOPBACK.has(host) || host.startsWith('127.');
    if (!loopback && !o.inspectToken)
        throw new Error(`--inspect-host ${host} is not a loopback address: --inspect-token TOKEN is required`);
    return { host, ...(o.inspectToken ? { token: o.inspectToken } : {}) };
}
/** runScp's extras from the SCP flags: the TLS listener and the inspector's address. */
export function scpRunSecurityOf(o) {
    const tls = serverTlsOf(o);
    return { ...(tls ? { tls: { port: o.tlsPort, options: tls } } : {}), inspectAt: inspectAddressOf(o) };
}
//# sourceMappingURL=security-options.js.map