import { useState } from 'preact/hooks';
import { formatReviews } from '../../i18n/plurals';
import { pageRuntime } from '../../runtime/page';
import { ActionMessage, type Said } from './ActionMessage';

interface Props {
  reviewCount: number;
  said: Said | null;
  say: (said: Said) => void;
}

/** «Сбросить прогресс», asked once more before anything is deleted; the result shows under it. */
export function ResetControl({ reviewCount, said, say }: Props) {
  const [confirming, setConfirming] = useState(false);

  const reset = async () => {
    setConfirming(false);
    const result = await pageRuntime().reset();
    if (!result.ok) return say({ action: 'reset', text: result.error, isProblem: true });
    say({
      action: 'reset',
      text: 'Прогресс и итоговые проверки удалены. Настройки и имя для сертификата остались.',
      isProblem: false,
    });
  };

  return (
    <div class="settings-action">
      {confirming ? (
        <div class="notice" role="group" aria-labelledby="reset-question">
          <p id="reset-question">
            Удалить весь прогресс ({formatReviews(reviewCount)}) и результаты итоговой проверки? Это нельзя отменить.
            Сначала можно скачать резервную копию.
          </p>
          <button type="button" class="button-danger" onClick={() => void reset()}>
            Да, удалить прогресс
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Отмена
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Сбросить прогресс
        </button>
      )}
      <ActionMessage action="reset" said={said} />
    </div>
  );
}
