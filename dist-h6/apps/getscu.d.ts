import { Command } from 'commander';
/**
 * Storage SOP classes proposed for C-GET sub-operations, one context each
 * beside the Q/R context (at most 128 per association, PS3.8 §9.3.2.2): the
 * common ones first, then the other current (non-retired) classes, the
 * specialised ones last, cut at 127.
 */
export declare const GET_STORAGE_CLASSES: readonly string[];
/** `netdicom getscu ADDR PORT -S -k ... -od DIR`: C-GET; one file per instance directly in DIR. */
export declare function getscuCommand(): Command;
