/** Field limits, shared by the sidebar's fields and the server's validation. */
export const LIMITS = { pupilId: 64, text: 10_000, plan: 500, action: 500, actions: 20, attendees: 20_000 } as const;
