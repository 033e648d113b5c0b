/** netdicom's public API. */
export { ApplicationEntity, IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './services/application-entity.js';
export { ScuAssociation, MODELS } from './services/scu/scu-association.js';
export * from './services/scu/errors.js';
export { cEchoScp } from './services/verification/c-echo-scp.js';
export { cStoreScp } from './services/storage/c-store-scp.js';
export { readPart10Info, Part10Error } from './services/storage/part10-reader.js';
export { Status, statusText, DimseStatusError } from './services/dimse/status.js';
export { CommandField } from './services/dimse/commands.js';
export { InvalidPrimitiveError } from './machines/errors.js';
export { PduDecodeError, NetdicomError } from './transport/errors.js';
export { userTable, userIdentityRq, UserIdentityType } from './services/acse/user-identity.js';
export { STATES, EVENTS, ACTIONS, TABLE } from './machines/upper-layer/state-table.js';
export { InspectorHub } from './visualize/hub.js';
export { Inspector } from './visualize/inspector.js';
export { startInspectorServer } from './visualize/server.js';
//# sourceMappingURL=index.js.map