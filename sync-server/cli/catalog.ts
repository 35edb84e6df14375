/**
 * `catalog`: the service catalog this version ships, for an administrator checking what the
 * devices will offer and for scripts comparing catalog editions. Per service: its act, names,
 * whether the regulation was deleted, and per channel the steps with their terms and the
 * channel's total term. A channel total is `null` when the regulation states none and the
 * catalog does not compute one, so every channel has the same keys.
 */
import { CATALOG } from '../../src/domain/catalog';
import {
  CHANNEL_KINDS,
  type Channel,
  type ChannelKind,
  type Duration,
  type Localized,
  type Service,
  type StepRole,
} from '../../src/domain/catalog/schema';
import { CommandFailure, type PureCommand } from './command';

interface CatalogChannel {
  steps: { role: StepRole; action: Localized; duration: Duration }[];
  total: (Duration & { stated: boolean }) | null;
}

interface CatalogEntry {
  id: string;
  act: { issuer: Localized; number: string; date: string; seed: string };
  name: Localized;
  deleted: boolean;
  channels: Partial<Record<ChannelKind, CatalogChannel>>;
}

const localized = (text: Localized): Localized => ({ kk: text.kk, ru: text.ru });
const duration = (d: Duration): Duration => ({ value: d.value, unit: d.unit });

function channelEntry(channel: Channel): CatalogChannel {
  return {
    steps: channel.steps.map((step) => ({
      role: step.role,
      action: localized(step.action),
      duration: duration(step.duration),
    })),
    total: channel.total ? { ...duration(channel.total), stated: channel.total.isStated } : null,
  };
}

function catalogEntry(service: Service): CatalogEntry {
  const act = CATALOG.acts.find((a) => a.id === service.actId);
  // The catalog's own tests tie every service to an act; a gap here is a broken build.
  if (!act) throw new CommandFailure('catalog-invalid', `service ${service.id} has no act`);
  const channels: CatalogEntry['channels'] = {};
  // Always in the same order (provider, pso, akim, egov), whatever order the data lists them in.
  for (const kind of CHANNEL_KINDS) {
    const channel = service.channels[kind];
    if (channel) channels[kind] = channelEntry(channel);
  }
  return {
    id: service.id,
    act: { issuer: localized(act.issuer), number: act.number, date: act.date, seed: act.seed },
    name: localized(service.name),
    deleted: service.isDeleted,
    channels,
  };
}

/** `akim`, or `[pso]` when the regulation lists no steps for the channel. */
function channelLabel(kind: ChannelKind, channel: CatalogChannel): string {
  return channel.steps.length > 0 ? kind : `[${kind}]`;
}

export const catalogCommand: PureCommand = {
  needsStore: false,
  summary: 'list the service catalog (acts, names, channels with steps and terms)',
  usage: 'catalog [--json]',
  options: {},
  async run() {
    const entries = CATALOG.services.map(catalogEntry);
    const rows = entries.map((e) => {
      const channels = Object.entries(e.channels)
        .map(([kind, channel]) => channelLabel(kind as ChannelKind, channel))
        .join(',');
      return `${e.id}  ${channels.padEnd(24)} ${e.deleted ? '[deleted] ' : ''}${e.name.kk}`;
    });
    const text = [
      ...rows,
      '',
      `${entries.length} services, catalog ${CATALOG.version}; [channel]: no steps listed`,
    ].join('\n');
    return { json: entries, text };
  },
};
