import { useEffect, useRef, useState } from 'preact/hooks';
import { fillOriginSlots } from '../trainers/page-origin';

interface Props {
  /** Id of the element whose text is copied: a link showing its URL, or a `<pre>` snippet. */
  targetId: string;
  /** Accessible name saying what is copied: «Копировать ссылку на урок 3». */
  label: string;
}

/** How long «Скопировано» stays, so that a second copy is announced again. */
const STATUS_MS = 4000;

/** Selects the element's text, so that the learner can copy it by hand. */
function selectText(element: HTMLElement): void {
  const selection = window.getSelection();
  selection?.selectAllChildren(element);
}

/**
 * Copies the text of another element to the clipboard and says so in a `role="status"` region.
 * Links in that text rendered without SITE_URL get this page's origin first (see page-origin.ts).
 * Where the Clipboard API is missing (plain-HTTP intranet hosts are not secure contexts) or
 * refuses, the text is selected and copied the old way; if that fails too, the learner is asked
 * to press Ctrl+C on the selection.
 */
export default function CopyButton({ targetId, label }: Props) {
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const say = (message: string) => {
    setStatus(message);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), STATUS_MS);
  };

  const copy = async () => {
    const target = document.getElementById(targetId);
    if (!target) return;
    fillOriginSlots(target);
    const text = target.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      say('Скопировано');
      return;
    } catch {
      // No Clipboard API here, or permission refused: fall back to the selection below.
    }
    selectText(target);
    // execCommand is deprecated but is the only way to copy outside a secure context.
    const copied = typeof document.execCommand === 'function' && document.execCommand('copy');
    say(copied ? 'Скопировано' : 'Текст выделен: нажмите Ctrl+C (на Mac — ⌘C), чтобы скопировать');
  };

  return (
    <span class="copy">
      <button type="button" class="copy-button" aria-label={label} onClick={() => void copy()}>
        Копировать
      </button>
      <span class="copy-status" role="status">
        {status}
      </span>
    </span>
  );
}
