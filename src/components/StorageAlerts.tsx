import type { RuntimeState } from '../runtime/runtime';

/** Storage problems, as `role="alert"` paragraphs. */
export function StorageAlerts({ state }: { state: RuntimeState }) {
  const messages = [state.storageAlert, state.saveError].filter((m): m is string => Boolean(m));
  return (
    <>
      {messages.map((m) => (
        <p role="alert" class="storage-alert" key={m}>
          {m}
        </p>
      ))}
    </>
  );
}
