/**
 * The one place the settings page checks what the learner entered (the domain's settings schema),
 * so a change of that schema's API is a change here only.
 */
import { settingsSchema } from '../../domain/schemas';
import type { Settings } from '../../domain/settings';

/** The form's values as entered: retention and hour from choices, new cards per day typed. */
export interface SettingsInput {
  desiredRetention: number;
  newPerDay: string;
  dayStartHour: number;
}

/** Valid settings, or a Russian sentence saying what is wrong. */
export function validateSettings(
  input: SettingsInput,
): { ok: true; settings: Settings } | { ok: false; error: string } {
  const parsed = settingsSchema.safeParse({
    desiredRetention: input.desiredRetention,
    // An empty field is not 0: Number('') would be.
    newPerDay: input.newPerDay.trim() === '' ? Number.NaN : Number(input.newPerDay),
    dayStartHour: input.dayStartHour,
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, error: `Настройки не сохранены: ${parsed.error.issues.map((i) => i.message).join('; ')}.` };
}
