/**
 * The shapes of dates, times of day and time zones, checked the same way in the config file and in
 * chat commands, with the same messages (what is expected, with an example).
 */
import { z } from "zod";
import { isIsoDate } from "./clock.js";

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTimeOfDay(text: string): boolean {
  return TIME_OF_DAY.test(text);
}

export function isTimeZone(text: string): boolean {
  return canonicalZone(text) !== null;
}

/** "europe/berlin" → "Europe/Berlin"; null when it is not a zone Intl knows. */
export function canonicalZone(text: string): string | null {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const LOOSE_TIME = /^(\d{1,2})[:.h](\d{2})$/;

/** True for what a person may write for a time of day: "9:00", "09.00", "9h00". */
export function looksLikeTime(text: string): boolean {
  return LOOSE_TIME.test(text);
}

/** "9:00", "09.00", "9h00" → "09:00"; other text unchanged (validation names the problem). */
export function normalizeTime(text: string): string {
  const m = LOOSE_TIME.exec(text);
  return m ? `${(m[1] as string).padStart(2, "0")}:${m[2]}` : text;
}

export const IsoDateSchema = z.string().refine(isIsoDate, "must be a date written YYYY-MM-DD");
export const TimeOfDaySchema = z
  .string()
  .regex(TIME_OF_DAY, "must be a time written HH:MM (24-hour), e.g. 09:00");
export const TimeZoneSchema = z
  .string()
  .refine(isTimeZone, "must be an IANA time zone such as Europe/Berlin or America/New_York");
