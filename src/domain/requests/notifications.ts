/**
 * Notifications to the applicant at each step (issue: e-mail through SMTP). Called inside the transaction of
 * the change it reports, so the message is queued durably with it (an outbox) and sent after commit.
 */
import type { Deps, Repos } from '../ports.js';
import type { Application, ApplicationEvent } from './application.js';

export async function enqueueApplicantNotification(_deps: Deps, _r: Repos, _app: Application, _event: ApplicationEvent): Promise<void> {
  // Filled in by the mail outbox work (migration 0003): builds the Chinese message and inserts it into the outbox.
}
