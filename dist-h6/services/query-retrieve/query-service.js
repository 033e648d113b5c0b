import { PatientRootQueryRetrieveInformationModelFind, PatientRootQueryRetrieveInformationModelGet, PatientRootQueryRetrieveInformationModelMove, StudyRootQueryRetrieveInformationModelFind, StudyRootQueryRetrieveInformationModelGet, StudyRootQueryRetrieveInformationModelMove, isUncompressed, } from '../registry/uids.js';
const MODEL_OF = {
    [PatientRootQueryRetrieveInformationModelFind]: 'patient',
    [PatientRootQueryRetrieveInformationModelGet]: 'patient',
    [PatientRootQueryRetrieveInformationModelMove]: 'patient',
    [StudyRootQueryRetrieveInformationModelFind]: 'study',
    [StudyRootQueryRetrieveInformationModelGet]: 'study',
    [StudyRootQueryRetrieveInformationModelMove]: 'study',
};
/** The information model of a Q/R abstract syntax (PS3.4 C.6), or undefined. */
export function modelOf(abstractSyntax) {
    return MODEL_OF[abstractSyntax];
}
/**
 * What the three Q/R services share: the SOP classes of one operation in both
 * information models (FIND ends in .1, MOVE in .2, GET in .3), identifiers in
 * an uncompressed transfer syntax, kept whole in memory.
 */
export function qrServiceBase(op) {
    const suffix = { find: '.1', move: '.2', get: '.3' }[op];
    return {
        serves: (uid) => modelOf(uid) !== undefined && uid.endsWith(suffix),
        acceptsTransferSyntax: isUncompressed,
        dataset: 'buffer',
    };
}
/** The DIMSE status an index error carries, or C000 (unable to process). */
export function statusOf(err) {
    const s = err.status;
    return typeof s === 'number' ? s : 0xc000;
}
//# sourceMappingURL=query-service.js.map