// The chair's controls and the live meeting, through the API (docs/meeting/stages.md,
// docs/meeting/roster-and-alerts.md): the stage, the roster and the alerts as the product holds
// them, a stage change, an acknowledgement. The same use cases as the run sheet card's buttons.
import { CHAIR } from './demo-cast';
import type { Json, ProductApi } from './product-api';

export interface LiveAlert {
  id: string;
  kind: string;
  text: string;
  participantId?: string;
  inviteeId?: string;
  raisedAt: string;
  acknowledged: boolean;
}

export class MeetingControls {
  constructor(
    private readonly api: ProductApi,
    private readonly conferenceId: string,
  ) {}

  /** GET /conferences/{id}/meeting as the chair: the stage and the run sheet (roster, guidance, alerts, quorum). */
  async live(): Promise<Json> {
    return (await this.api.ok('GET', `/conferences/${this.conferenceId}/meeting`, CHAIR)).json;
  }

  /** The open alerts on the run sheet. */
  async alerts(): Promise<LiveAlert[]> {
    const live = await this.live();
    return ((live.runSheet as Json | undefined)?.alerts ?? []) as LiveAlert[];
  }

  async stage(command: string): Promise<Json> {
    return (await this.api.ok('POST', `/conferences/${this.conferenceId}/meeting/stage`, CHAIR, { command })).json;
  }

  async acknowledge(alertId: string): Promise<Json> {
    return (await this.api.ok('POST', `/conferences/${this.conferenceId}/meeting/alerts/${encodeURIComponent(alertId)}/ack`, CHAIR, {})).json;
  }

  /** Not quorate at the start: proceed with a recorded reason. */
  async proceed(reason: string): Promise<Json> {
    return (await this.api.ok('POST', `/conferences/${this.conferenceId}/meeting/quorum`, CHAIR, { reason })).json;
  }
}
