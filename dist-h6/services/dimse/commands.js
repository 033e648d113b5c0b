/** DIMSE CommandField values, PS3.7 §9.3 and §10.3 (Table E.1-1). */
export const CommandField = {
    'C-STORE-RQ': 0x0001,
    'C-STORE-RSP': 0x8001,
    'C-GET-RQ': 0x0010,
    'C-GET-RSP': 0x8010,
    'C-FIND-RQ': 0x0020,
    'C-FIND-RSP': 0x8020,
    'C-MOVE-RQ': 0x0021,
    'C-MOVE-RSP': 0x8021,
    'C-ECHO-RQ': 0x0030,
    'C-ECHO-RSP': 0x8030,
    'N-EVENT-REPORT-RQ': 0x0100,
    'N-EVENT-REPORT-RSP': 0x8100,
    'N-GET-RQ': 0x0110,
    'N-GET-RSP': 0x8110,
    'N-SET-RQ': 0x0120,
    'N-SET-RSP': 0x8120,
    'N-ACTION-RQ': 0x0130,
    'N-ACTION-RSP': 0x8130,
    'N-CREATE-RQ': 0x0140,
    'N-CREATE-RSP': 0x8140,
    'N-DELETE-RQ': 0x0150,
    'N-DELETE-RSP': 0x8150,
    'C-CANCEL-RQ': 0x0fff,
};
const NAMES = new Map(Object.entries(CommandField).map(([k, v]) => [v, k]));
/** "C-STORE-RQ" for 0x0001; "0x1234" for an unknown value. */
export function commandName(field) {
    return NAMES.get(field) ?? `0x${field.toString(16).padStart(4, '0')}`;
}
/** Priority values, PS3.7 §9.1.1.1.7. */
export const Priority = { Medium: 0, High: 1, Low: 2 };
//# sourceMappingURL=commands.js.map