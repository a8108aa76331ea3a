import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadReminder } from '../trainers/download-reminder';
import {
  parseReminderForm,
  REMINDER_DEFAULTS,
  REMINDER_FILE_NAME,
  tomorrowDateValue,
  type ReminderField,
  type ReminderFormInput,
} from '../trainers/reminder';

interface Props {
  courseName: string;
  /** The review page's URL path (`reviewUrl()`), which the event links. */
  reviewPath: string;
}

const ERROR_ID = 'reminder-error';

/**
 * The calendar reminder form: time, first day (tomorrow by default, computed here because the page
 * is built once) and number of days. Submitting downloads an `.ics` file whose event links the
 * review page on this site; invalid input is reported in Russian in a `role="alert"` next to the
 * form.
 */
export default function CalendarReminder({ courseName, reviewPath }: Props) {
  const [input, setInput] = useState<ReminderFormInput>({
    time: REMINDER_DEFAULTS.time,
    date: '',
    days: String(REMINDER_DEFAULTS.days),
  });
  const [error, setError] = useState<{ field: ReminderField; message: string }>();
  const [done, setDone] = useState('');

  const formRef = useRef<HTMLFormElement>(null);

  // On hydration, keep whatever the learner typed into the server-rendered fields before this
  // script ran, and fill in tomorrow's date, which the build could not know.
  useEffect(() => {
    const typed = (name: ReminderField) =>
      formRef.current?.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value ?? '';
    setInput((current) => ({
      time: typed('time') || current.time,
      date: typed('date') || current.date || tomorrowDateValue(Date.now()),
      days: typed('days') || current.days,
    }));
  }, []);

  const field = (name: ReminderField) => ({
    id: `reminder-${name}`,
    name,
    value: input[name],
    'aria-invalid': error?.field === name ? ('true' as const) : undefined,
    'aria-describedby': [`reminder-${name}-hint`, error?.field === name ? ERROR_ID : ''].join(' ').trim(),
    onInput: (event: Event) => {
      const { value } = event.currentTarget as HTMLInputElement;
      setInput((current) => ({ ...current, [name]: value }));
    },
  });

  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = parseReminderForm(input);
    if (!parsed.ok) {
      setError({ field: parsed.field, message: parsed.message });
      setDone('');
      document.getElementById(`reminder-${parsed.field}`)?.focus();
      return;
    }
    setError(undefined);
    downloadReminder(parsed.plan, courseName, reviewPath);
    setDone(`Файл ${REMINDER_FILE_NAME} скачан: откройте его, чтобы добавить напоминание в календарь.`);
  };

  return (
    <form class="reminder-form" ref={formRef} noValidate onSubmit={submit}>
      <div class="reminder-fields">
        <div class="field">
          <label htmlFor="reminder-time">Время</label>
          <input type="time" required {...field('time')} />
          <span class="hint" id="reminder-time-hint">
            по местному времени каждого ученика
          </span>
        </div>
        <div class="field">
          <label htmlFor="reminder-date">Первый день</label>
          <input type="date" required {...field('date')} />
          <span class="hint" id="reminder-date-hint">
            по умолчанию завтра
          </span>
        </div>
        <div class="field">
          <label htmlFor="reminder-days">Сколько дней</label>
          <input type="number" inputMode="numeric" min={1} max={365} step={1} required {...field('days')} />
          <span class="hint" id="reminder-days-hint">
            от 1 до 365
          </span>
        </div>
      </div>
      <p class="form-error" id={ERROR_ID} role="alert">
        {error?.message}
      </p>
      <button type="submit" class="button-primary">
        Скачать напоминание (.ics)
      </button>
      <p class="form-done" role="status">
        {done}
      </p>
    </form>
  );
}
