/**
 * Process outlines: of each service and channel, what the process needs from the catalog — the
 * steps' ids, roles, stages and terms, the variants, how many refusal grounds the regulation
 * lists. The device folds events on every write and pull, in the script that starts the app,
 * while the catalog carries every regulation's text and loads later; so the reducer reads these
 * outlines, and `outlines.json` is derived from the catalog (`processOutlines(CATALOG)`), held
 * equal to it by a unit test that rewrites it with `vitest -u`. Catalog editions only complete
 * checklists (catalog/overlay.ts), so the outlines are those of every edition.
 */
import type { Catalog } from '../catalog/index';
import type { Channel, ChannelKind, Duration, StepRole, StepStage } from '../catalog/schema';
import outlines from './outlines.json';

export interface StepOutline {
  id: string;
  role: StepRole;
  stage: StepStage;
  duration: Duration;
  isParallelWithPrevious?: true;
}

export interface ChannelOutline {
  steps: StepOutline[];
  variants?: { id: string; durations: Record<string, Duration> }[];
}

export interface ServiceOutline {
  /** how many refusal grounds the regulation lists (0: none listed) */
  grounds: number;
  channels: Partial<Record<ChannelKind, ChannelOutline>>;
}

export type ProcessOutlines = Readonly<Record<string, ServiceOutline>>;

export const PROCESS_OUTLINES = outlines as ProcessOutlines;

export function channelOutline(channel: Channel): ChannelOutline {
  return {
    steps: channel.steps.map((s) => ({
      id: s.id,
      role: s.role,
      stage: s.stage,
      duration: s.duration,
      ...(s.isParallelWithPrevious ? { isParallelWithPrevious: true as const } : {}),
    })),
    ...(channel.variants?.length
      ? { variants: channel.variants.map((v) => ({ id: v.id, durations: v.durations })) }
      : {}),
  };
}

/** Service id → outline, as a catalog has them; channels without steps are left out. */
export function processOutlines(catalog: Catalog): ProcessOutlines {
  return Object.fromEntries(
    catalog.services.map((service) => {
      const channels: ServiceOutline['channels'] = {};
      for (const [kind, channel] of Object.entries(service.channels) as [ChannelKind, Channel][]) {
        if (channel && channel.steps.length > 0) channels[kind] = channelOutline(channel);
      }
      const grounds =
        service.refusalGrounds.kind === 'listed' ? service.refusalGrounds.items.length : 0;
      return [service.id, { grounds, channels }];
    }),
  );
}
