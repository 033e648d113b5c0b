import { statusCategory, statusText } from '../services/dimse/status.js';
import { errorLine } from './scu-options.js';
/** Follows C-GET/C-MOVE responses; returns the exit code (0 only for a final Success with no failed sub-operation). */
export async function reportRetrieve(app, responses, log) {
    let last;
    for await (const r of responses) {
        last = r;
        log.info({ status: statusText(r.status), ...r.counts }, 'response');
    }
    if (!last)
        return 1;
    const c = last.counts;
    process.stdout.write(`${app}: ${statusText(last.status)}: ${c.completed} completed, ${c.failed} failed, ${c.warning} warning\n`);
    const cat = statusCategory(last.status);
    if (cat !== 'success' || c.failed > 0) {
        errorLine(app, `final status ${statusText(last.status)}${last.failedInstances?.length ? `; failed: ${last.failedInstances.join(', ')}` : ''}`);
        return 1;
    }
    return 0;
}
//# sourceMappingURL=retrieve-report.js.map