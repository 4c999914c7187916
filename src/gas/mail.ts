/**
 * Mail through MailApp: one recipient per message, HTML with a plain-text alternative.
 */
import type { MailMessage, MailPort } from '../ports';

export class GasMail implements MailPort {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  send(message: MailMessage): string {
    MailApp.sendEmail({
      to: message.to,
      subject: message.subject,
      body: message.text,
      htmlBody: message.html,
      name: message.name,
      replyTo: message.replyTo,
    });
    return message.to;
  }
}
