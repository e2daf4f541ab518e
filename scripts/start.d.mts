/** Why the build must run first (a missing output, or the source newer than the oldest output), or null. */
export function staleReason(folder?: string): string | null;
