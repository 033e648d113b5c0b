import { type Command } from 'commander';
import type { AEOptions } from '../services/application-entity.js';
import { type UserIdentityRequest } from '../services/acse/user-identity.js';
import { type ClientTlsOptions, type ServerTlsOptions } from '../transport/tls.js';
/**
 * CLI options for secure transport (PS3.15 Annex B), User Identity (PS3.7
 * D.3.3.7), the SCP network timeout and the inspector's address and token,
 * with their translation into library options. dcmtk spells the peer
 * certificate options --require-peer-cert / --ignore-peer-cert and the user
 * --user/--password; pynetdicom --username.
 */
export interface ScpSecurityCliOptions {
    tlsPort?: number;
    tlsCert?: string;
    tlsKey?: string;
    tlsCa?: string;
    requirePeerCert?: boolean;
    tlsRequireClientCert?: boolean;
    networkTimeout?: number;
    users?: string;
    userIdentityOptional?: boolean;
}
export interface ScuSecurityCliOptions {
    tls?: boolean;
    tlsCert?: string;
    tlsKey?: string;
    tlsCa?: string;
    ignorePeerCert?: boolean;
    username?: string;
    user?: string;
    password?: string;
    posResponse?: boolean;
}
export interface InspectCliOptions {
    inspectHost?: string;
    inspectToken?: string;
}
/** SCP apps: --tls-port, --tls-cert, --tls-key, --tls-ca, --require-peer-cert, --network-timeout (-tn), --users. */
export declare function scpSecurityOptions(cmd: Command): Command;
/** SCU apps: --tls, --tls-ca, --tls-cert, --tls-key, --ignore-peer-cert, --username/--user, --password, --pos-response. */
export declare function scuSecurityOptions(cmd: Command): Command;
/** --inspect-host and --inspect-token, beside --inspect PORT. */
export declare function inspectOptions(cmd: Command): Command;
/** TLS for the --tls-port listener, or undefined without --tls-port. Throws on missing or unreadable files. */
export declare function serverTlsOf(o: ScpSecurityCliOptions): ServerTlsOptions | undefined;
/** AE options from the SCP security flags: network timeout and the user table check. */
export declare function scpAeSecurityOf(o: ScpSecurityCliOptions): Pick<AEOptions, 'networkTimeoutMs' | 'checkUserIdentity' | 'userIdentityOptional'>;
/** What an SCU app adds to each associate(): TLS and User Identity. Throws on inconsistent flags or unreadable files. */
export declare function scuConnectionOf(o: ScuSecurityCliOptions): {
    tls?: ClientTlsOptions;
    userIdentity?: UserIdentityRequest;
};
/** The inspector's host and token; a non-loopback host without a token is refused. */
export declare function inspectAddressOf(o: InspectCliOptions): {
    host: string;
    token?: string;
};
/** runScp's extras from the SCP flags: the TLS listener and the inspector's address. */
export declare function scpRunSecurityOf(o: ScpSecurityCliOptions & InspectCliOptions): {
    tls?: {
        port: number;
        options: ServerTlsOptions;
    };
    inspectAt: {
        host: string;
        token?: string;
    };
};
