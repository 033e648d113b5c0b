import { PduDecodeError } from '../../transport/errors.js';
import { emptyUserInformation } from '../../transport/pdu-types.js';
export const sampleRq = (protocolVersion = 1) => ({
    type: 'A-ASSOCIATE-RQ',
    protocolVersion,
    calledAETitle: 'SCP',
    callingAETitle: 'SCU',
    applicationContext: '1.2.840.10008.3.1.1.1',
    presentationContexts: [{ id: 1, abstractSyntax: '1.2.840.10008.1.1', transferSyntaxes: ['1.2.840.10008.1.2'] }],
    userInformation: { ...emptyUserInformation(), maxLength: 16384, implementationClassUid: '1.2.3' },
});
export const sampleAc = () => ({
    type: 'A-ASSOCIATE-AC',
    protocolVersion: 1,
    calledAETitle: 'SCP',
    callingAETitle: 'SCU',
    applicationContext: '1.2.840.10008.3.1.1.1',
    presentationContexts: [{ id: 1, result: 0, transferSyntax: '1.2.840.10008.1.2' }],
    userInformation: { ...emptyUserInformation(), maxLength: 16384, implementationClassUid: '1.2.3' },
});
/** A well-formed instance of each Table 9-10 event, for driving the machine directly. */
export function sampleEvent(evt, opts = {}) {
    switch (evt) {
        case 'Evt1': return { type: 'Evt1', rq: sampleRq() };
        case 'Evt3': return { type: 'Evt3', pdu: sampleAc() };
        case 'Evt4': return { type: 'Evt4', pdu: { type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 1 } };
        case 'Evt6': return { type: 'Evt6', pdu: sampleRq(opts.protocolVersion ?? 1) };
        case 'Evt7': return { type: 'Evt7', pdu: sampleAc() };
        case 'Evt8': return { type: 'Evt8', pdu: { type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 1 } };
        case 'Evt9': return { type: 'Evt9', pdus: [Buffer.from([4, 0, 0, 0, 0, 8, 0, 0, 0, 4, 1, 3, 0, 0])] };
        case 'Evt10': return { type: 'Evt10', pdus: [{ type: 'P-DATA-TF', pdvs: [{ pcId: 1, isCommand: true, isLast: true, data: Buffer.alloc(2) }] }], bytes: 14 };
        case 'Evt15': return { type: 'Evt15' };
        case 'Evt16': return { type: 'Evt16', pdu: { type: 'A-ABORT', source: 0, reason: 0 } };
        case 'Evt19': return { type: 'Evt19', error: new PduDecodeError('ERR_TEST', 'test', 1) };
        default: return { type: evt };
    }
}
//# sourceMappingURL=ul-events.js.map