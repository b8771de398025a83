// Placeholder until sharing to the stage lands (replaced whole by its owner).
import type { ApiClient } from '../shell/api-client';
import type { TabHost } from '../shell/host';

export function ShareToStageButton(_props: { host: TabHost; api: ApiClient; conferenceId: string }) {
  return null;
}
