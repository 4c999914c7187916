/**
 * What every sidebar form ends with: its error, focused when it appears so a screen reader reads
 * it at once, and the save button that says when it is saving.
 */
import { useEffect, useRef } from 'preact/hooks';

export function FormError({ message }: { message: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) box.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div class="error" role="alert" tabIndex={-1} ref={box}>
      <p>{message}</p>
    </div>
  );
}

export function SaveButton({ saving, label }: { saving: boolean; label: string }) {
  return <button type="submit" class="primary" disabled={saving} aria-busy={saving}>{saving ? 'Saving…' : label}</button>;
}
