import { bestAndLatest, type FinalCheckAttempt } from '../domain/final-check';
import { attemptText } from '../i18n/final-check';
import { certificateUrl, finalCheckUrl } from '../lib/urls';

interface Props {
  attempts: readonly FinalCheckAttempt[];
  /** Whether every question of the course has been answered once (the check is open). */
  open: boolean;
}

/** The progress page's final-check section: the best and latest results, or when the check opens. */
export function FinalCheckSummary({ attempts, open }: Props) {
  const results = bestAndLatest(attempts);
  return (
    <section aria-labelledby="final-check-heading">
      <h2 id="final-check-heading">Итоговая проверка</h2>
      {results && (
        <dl class="final-results">
          <dt>Лучший результат</dt>
          <dd data-final-best>{attemptText(results.best)}</dd>
          <dt>Последний</dt>
          <dd data-final-latest>{attemptText(results.latest)}</dd>
        </dl>
      )}
      <p>
        {open ? (
          <>
            <a href={finalCheckUrl()}>{results ? 'Пройти ещё раз' : 'Пройти итоговую проверку'}</a> ·{' '}
            <a href={certificateUrl()}>Сертификат</a>
          </>
        ) : (
          <>
            Откроется, когда вы ответите на все вопросы курса. <a href={finalCheckUrl()}>Что осталось</a>
          </>
        )}
      </p>
    </section>
  );
}
