import { useState } from 'preact/hooks';
import type { Settings } from '../../domain/settings';
import { pageRuntime } from '../../runtime/page';
import { ActionMessage, type Said } from './ActionMessage';
import { dayStartHours, formatHour, retentionChoices } from './choices';
import { validateSettings } from './validate-settings';

interface Props {
  /** The settings when the page opened. */
  settings: Settings;
  said: Said | null;
  say: (said: Said) => void;
}

/** How often to review, new questions per day and the study day's start, in plain words. */
export function SettingsForm({ settings, said, say }: Props) {
  const [retention, setRetention] = useState(settings.desiredRetention);
  const [newPerDay, setNewPerDay] = useState(String(settings.newPerDay));
  const [dayStartHour, setDayStartHour] = useState(settings.dayStartHour);
  // Choices come from the settings the page opened with, so a stored custom value stays offered.
  const [choices] = useState(() => retentionChoices(settings.desiredRetention));
  const [hours] = useState(() => dayStartHours(settings.dayStartHour));

  const save = async (event: Event) => {
    event.preventDefault();
    const checked = validateSettings({ desiredRetention: retention, newPerDay, dayStartHour });
    if (!checked.ok) return say({ action: 'settings', text: checked.error, isProblem: true });
    const result = await pageRuntime().saveSettings(checked.settings);
    if (!result.ok) return say({ action: 'settings', text: result.error, isProblem: true });
    say({ action: 'settings', text: 'Настройки сохранены и уже действуют.', isProblem: false });
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <fieldset class="settings-field" aria-describedby="setting-retention-hint">
        <legend>Как часто повторять</legend>
        {choices.map((choice) => (
          <label key={choice.retention} class="settings-choice">
            <input
              type="radio"
              name="desiredRetention"
              value={String(choice.retention)}
              checked={choice.retention === retention}
              onChange={() => setRetention(choice.retention)}
            />{' '}
            {choice.label}
          </label>
        ))}
        <small id="setting-retention-hint" class="muted">
          Вопрос возвращается, когда вы ещё помните ответ примерно с такой вероятностью. Чаще — больше помните, но
          больше повторений каждый день.
        </small>
      </fieldset>
      <div class="settings-field">
        <label htmlFor="setting-newPerDay">Новых вопросов в день</label>
        <input
          id="setting-newPerDay"
          type="number"
          required
          min="0"
          max="100"
          step="1"
          value={newPerDay}
          aria-describedby="setting-newPerDay-hint"
          onInput={(e) => setNewPerDay(e.currentTarget.value)}
        />
        <small id="setting-newPerDay-hint" class="muted">
          Сколько ещё не встречавшихся вопросов предлагать за учебный день: от 0 до 100.
        </small>
      </div>
      <div class="settings-field">
        <label htmlFor="setting-dayStartHour">Новый учебный день начинается в</label>
        <select
          id="setting-dayStartHour"
          value={String(dayStartHour)}
          aria-describedby="setting-dayStartHour-hint"
          onChange={(e) => setDayStartHour(Number(e.currentTarget.value))}
        >
          {hours.map((hour) => (
            <option key={hour} value={String(hour)}>
              {formatHour(hour)}
            </option>
          ))}
        </select>
        <small id="setting-dayStartHour-hint" class="muted">
          Повторения, отложенные «на завтра», появятся после {formatHour(dayStartHour)}. Ответы ночью до этого часа
          засчитываются за вчерашний день.
        </small>
      </div>
      <button type="submit" class="button-primary">
        Сохранить настройки
      </button>
      <ActionMessage action="settings" said={said} />
    </form>
  );
}
