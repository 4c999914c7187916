/**
 * The http port over UrlFetchApp. HTTP error statuses come back as responses (muteHttpExceptions);
 * a network failure throws, as the port says.
 */
import type { HttpPort, HttpResponse } from '../ports';

export class GasHttp implements HttpPort {
  get(url: string, headers: Record<string, string>): HttpResponse {
    const response = UrlFetchApp.fetch(url, { method: 'get', headers, muteHttpExceptions: true, followRedirects: true });
    return { status: response.getResponseCode(), body: response.getContentText() };
  }
}
