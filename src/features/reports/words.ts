/** How the report's figures read: percents, durations in their unit, desk seconds. */
import type { Duration } from '../../domain/catalog/schema';

type T = (key: string, options?: Record<string, unknown>) => string;

/** `93,5` — a decimal comma, as the offices write numbers. */
export function decimal(value: number): string {
  return value.toLocaleString('ru-RU', { maximumFractionDigits: 2 });
}

export function percentText(t: T, value: number | null): string {
  return value === null ? t('reports.none') : decimal(value);
}

/** A duration in the unit of its term, `3,5 жұмыс күні`. */
export function durationText(t: T, value: number | null, unit: Duration['unit']): string {
  if (value === null) return t('reports.none');
  return t(`units.${unit}`, { count: value }).replace(String(value), decimal(value));
}

export function termText(t: T, term: Duration): string {
  return t(`units.${term.unit}`, { count: term.value });
}

export function secondsText(t: T, seconds: number | null): string {
  if (seconds === null) return t('reports.none');
  return t('reports.seconds', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}
