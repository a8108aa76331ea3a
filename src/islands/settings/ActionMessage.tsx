/** What the settings page last said, and beside which control; one message at a time. */
export interface Said {
  /** The control whose action it reports. */
  action: 'settings' | 'export' | 'import' | 'reset';
  text: string;
  /** A problem is announced at once (`role="alert"`); anything else politely (`role="status"`). */
  isProblem: boolean;
}

/** Work under way beside a control: a status line and, if known, the share done (0 to 1). */
export interface Busy {
  text: string;
  fraction?: number;
}

interface Props {
  action: Said['action'];
  said: Said | null;
  busy?: Busy | null;
}

/**
 * The live regions under one control. Both stay in the page, empty, so that a screen reader
 * announces the text put into them; the page shows only the one message of the last action.
 */
export function ActionMessage({ action, said, busy = null }: Props) {
  const mine = said?.action === action ? said : null;
  const percent = busy?.fraction === undefined ? undefined : Math.round(busy.fraction * 100);
  return (
    <>
      <p role="alert" class="settings-message">
        {mine?.isProblem ? mine.text : null}
      </p>
      <p role="status" class="settings-message">
        {busy ? busy.text : mine && !mine.isProblem ? mine.text : null}
      </p>
      {busy && (
        <p class="settings-progress">
          <progress max={100} value={percent} aria-label={busy.text} />
          {percent !== undefined && <span> {percent} %</span>}
        </p>
      )}
    </>
  );
}
