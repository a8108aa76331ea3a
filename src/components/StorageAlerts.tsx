import type { ClientState } from '../client/runtime';

/** Storage problems, as `role="alert"` paragraphs. */
export function StorageAlerts({ state }: { state: ClientState }) {
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
