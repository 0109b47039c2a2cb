/**
 * The application workflow, from the server's own transition table (src/domain/requests/status.ts: a pure
 * module, bundled into the admin app), so the buttons offered are exactly the transitions the server allows.
 */
import { ACTIONS, OPEN_STATUSES, STATUSES, TRANSITIONS, type Action, type Status } from '../../../domain/requests/status.js';

export { ACTIONS, OPEN_STATUSES, STATUSES, TRANSITIONS, type Action, type Status };

export const APPROVAL_ACTIONS: ReadonlySet<Action> = new Set<Action>(['approveExtension', 'rejectExtension']);

/** The actions legal from a status, in the table's order. */
export function legalActions(status: Status): Action[] {
  return Object.keys(TRANSITIONS[status] ?? {}) as Action[];
}

/** Actions that end the case for this unit: shown as red buttons. */
export const DANGEROUS_ACTIONS: ReadonlySet<Action> = new Set<Action>(['withdraw', 'transfer']);
