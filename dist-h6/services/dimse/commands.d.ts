/** DIMSE CommandField values, PS3.7 §9.3 and §10.3 (Table E.1-1). */
export declare const CommandField: {
    readonly 'C-STORE-RQ': 1;
    readonly 'C-STORE-RSP': 32769;
    readonly 'C-GET-RQ': 16;
    readonly 'C-GET-RSP': 32784;
    readonly 'C-FIND-RQ': 32;
    readonly 'C-FIND-RSP': 32800;
    readonly 'C-MOVE-RQ': 33;
    readonly 'C-MOVE-RSP': 32801;
    readonly 'C-ECHO-RQ': 48;
    readonly 'C-ECHO-RSP': 32816;
    readonly 'N-EVENT-REPORT-RQ': 256;
    readonly 'N-EVENT-REPORT-RSP': 33024;
    readonly 'N-GET-RQ': 272;
    readonly 'N-GET-RSP': 33040;
    readonly 'N-SET-RQ': 288;
    readonly 'N-SET-RSP': 33056;
    readonly 'N-ACTION-RQ': 304;
    readonly 'N-ACTION-RSP': 33072;
    readonly 'N-CREATE-RQ': 320;
    readonly 'N-CREATE-RSP': 33088;
    readonly 'N-DELETE-RQ': 336;
    readonly 'N-DELETE-RSP': 33104;
    readonly 'C-CANCEL-RQ': 4095;
};
export type CommandName = keyof typeof CommandField;
/** "C-STORE-RQ" for 0x0001; "0x1234" for an unknown value. */
export declare function commandName(field: number): string;
/** Priority values, PS3.7 §9.1.1.1.7. */
export declare const Priority: {
    readonly Medium: 0;
    readonly High: 1;
    readonly Low: 2;
};
