/** What A-ASSOCIATE-RJ and A-ABORT field values mean, in the standard's words. */
/** PS3.8 Table 9-21. */
export function rejectText(result, source, reason) {
    const r = result === 1 ? 'rejected-permanent' : result === 2 ? 'rejected-transient' : `result ${result}`;
    const reasons = {
        1: { 1: 'no-reason-given', 2: 'application-context-name-not-supported', 3: 'calling-AE-title-not-recognized', 7: 'called-AE-title-not-recognized' },
        2: { 1: 'no-reason-given', 2: 'protocol-version-not-supported' },
        3: { 1: 'temporary-congestion', 2: 'local-limit-exceeded' },
    };
    const s = ['', 'service-user', 'service-provider (ACSE)', 'service-provider (presentation)'][source] ?? `source ${source}`;
    return `${r}, ${s}, ${reasons[source]?.[reason] ?? `reason ${reason}`}`;
}
/** PS3.8 Table 9-26. */
export function abortText(source, reason) {
    if (source === 0)
        return 'service-user abort';
    const reasons = ['reason-not-specified', 'unrecognized-PDU', 'unexpected-PDU', 'reserved', 'unrecognized-PDU-parameter', 'unexpected-PDU-parameter', 'invalid-PDU-parameter-value'];
    return `service-provider abort: ${reasons[reason] ?? `reason ${reason}`}`;
}
//# sourceMappingURL=pdu-meaning.js.map