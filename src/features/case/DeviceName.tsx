/**
 * Which device, as a history cell: its label, the id kept in the tooltip for whoever traces an
 * event on the server; nothing known of it, the id itself.
 */
import type { DeviceNaming } from '../../db/devices';

export function DeviceName({ naming }: { naming: DeviceNaming }) {
  if (naming.label === null) return <code>{naming.id}</code>;
  return (
    <span title={naming.id} data-device-id={naming.id}>
      {naming.label}
    </span>
  );
}
