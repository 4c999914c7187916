import type { Chip } from './api';
import { CHIP_MEANING, CHIP_WORDS } from './format';

/** The status chip: words, not colour alone. */
export function StatusChip({ chip }: { chip: Chip | null }) {
  if (!chip) return null;
  return (
    <span class={`chip chip-${chip}`} title={CHIP_MEANING[chip]}>
      <span class="visually-hidden">Status: </span>
      {CHIP_WORDS[chip]}
    </span>
  );
}

export function ErrorBox({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div class="error" role="alert">
      <p>{message}</p>
      {onRetry && <button type="button" class="secondary" onClick={onRetry}>Try again</button>}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {what}
    </p>
  );
}
