/** `offices`: the offices of every district, the district department first. */
import { listOffices } from '../queries/reference';
import type { Command } from './command';

export const officesCommand: Command = {
  summary: 'list offices (id, kind, code, name, address, phone)',
  usage: 'offices [--json]',
  options: {},
  async run({ db }) {
    const offices = (await listOffices(db)).map((o) => ({
      id: o.id,
      kind: o.kind,
      code: o.code,
      name: { kk: o.name.kk, ru: o.name.ru },
      address: { kk: o.address.kk, ru: o.address.ru },
      phone: o.phone,
    }));
    const text = offices
      .map((o) => `${o.id.padEnd(13)} ${o.kind.padEnd(8)} ${o.code}  ${o.name.kk}  ${o.phone}`)
      .join('\n');
    return { json: offices, text };
  },
};
