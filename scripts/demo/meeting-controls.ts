// The chair's controls and the live meeting, through the API (docs/meeting/stages.md,
// docs/meeting/roster-and-alerts.md): the stage, the roster and the alerts as the product holds
// them, a stage change, an acknowledgement. The same use cases as the run sheet card's buttons.
import { CHAIR } from './demo-cast';
import type { Json, ProductApi } from './product-api';

export interface LiveAlert {
  id: string;
  kind: string;
  participantId?: string;
  inviteeId?: string;
  stage: string;
  deliveries: number;
  acknowledgedAt?: string;
  clearedAt?: string;
}

export class MeetingControls {
  constructor(
    private readonly api: ProductApi,
    private readonly conferenceId: string,
  ) {}

  /** GET /conferences/{id}/meeting as the chair: stage, roster, alerts, guidance, quorum. */
  async live(): Promise<Json> {
    return (await this.api.ok('GET', `/conferences/${this.conferenceId}/meeting`, CHAIR)).json;
  }

  async alerts(): Promise<LiveAlert[]> {
    const live = await this.live();
    const meeting = (live.meeting ?? live) as Json;
    return (meeting.alerts ?? []) as LiveAlert[];
  }

  async stage(command: string): Promise<Json> {
    return (await this.api.ok('POST', `/conferences/${this.conferenceId}/meeting/stage`, CHAIR, { command })).json;
  }

  async acknowledge(alertId: string): Promise<Json> {
    return (await this.api.ok('POST', `/conferences/${this.conferenceId}/meeting/alerts/${encodeURIComponent(alertId)}/acknowledge`, CHAIR, {})).json;
  }

  /** Quorum at the start: proceed (with a reason when not quorate). */
  async proceed(reason?: string): Promise<Json> {
    return (await this.api.ok('POST', `/conferences/${this.conferenceId}/meeting/quorum`, CHAIR, { decision: 'proceed', ...(reason ? { reason } : {}) })).json;
  }
}
