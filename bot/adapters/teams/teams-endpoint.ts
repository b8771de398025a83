// POST /api/messages after the body is parsed: activity shape → authentication (401) → tenant
// (403, audited) → idempotency → the bot. Every refusal happens before any handler runs.
import { type Activity, CloudAdapter, type InvokeResponse, type TurnContext } from 'botbuilder';
import { type AuthenticateRequestResult, AuthenticationError, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { AuditLog } from '../../app/ports/audit-log.port';
import type { ConversationRefs } from '../../app/ports/conversation-refs.port';
import type { IdempotencyStore } from '../../app/ports/idempotency.port';
import type { Config } from '../../config/load-config';
import type { BotEndpoint, BotEndpointRequest, BotEndpointResponse } from '../http/bot-endpoint';
import { httpError } from '../http/http-error-map';
import { errorFields } from '../logging/logger';
import { activityTenantId, describeActivityIssues, idempotencyKey, inboundActivitySchema, isKeyedAsCardPress, isReadOnlyInvoke } from './activity-schema';
import { createBotAuthentication } from './bot-authentication';
import { isMeetingEventActivity, isRecordingActivity, parseMeetingActivity } from './meeting-activity';
import { type ConferenceBotApp, ConferenceBot, TURN_LOG, TURN_OUTCOME } from './conference-bot';
import { conversationRefOf } from './teams-chat-notifier';

export interface TeamsEndpointOptions {
  config: Pick<Config, 'bot' | 'botEndpoints' | 'allowedTenantIds' | 'localMode'>;
  app: ConferenceBotApp;
  auditLog: AuditLog;
  idempotency: IdempotencyStore;
  /** Replaces botbuilder's credential factory for outbound calls (tests with a local token endpoint). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** The adapter and authentication to use (shared with the proactive notifier); made here when absent. */
  connection?: TeamsConnection;
  /** Where each personal-scope activity's conversation is recorded, for proactive cards. */
  conversationRefs?: ConversationRefs;
}

export interface TeamsConnection {
  authentication: ReturnType<typeof createBotAuthentication>;
  adapter: AuthenticatedCloudAdapter;
}

/** The Bot Framework authentication and adapter: one per process, for inbound turns and proactive sends. */
export function createTeamsConnection(config: TeamsEndpointOptions['config'], credentialsFactory?: ServiceClientCredentialsFactory): TeamsConnection {
  const authentication = createBotAuthentication(config, credentialsFactory);
  return { authentication, adapter: new AuthenticatedCloudAdapter(authentication) };
}

/** Exposes CloudAdapterBase's protected processActivity for an already authenticated request. */
export class AuthenticatedCloudAdapter extends CloudAdapter {
  runAuthenticated(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9:._|/-]{0,127}$/;
const safeId = (value: string | null | undefined): string | null => (value && ID_RE.test(value) ? value : null);

interface StoredAnswer {
  status: number;
  body?: unknown;
}

const storedAnswer = (value: unknown): StoredAnswer | null => {
  const v = value as { status?: unknown; body?: unknown } | null;
  return v && typeof v.status === 'number' ? { status: v.status, body: v.body } : null;
};

export function createTeamsEndpoint(options: TeamsEndpointOptions): BotEndpoint {
  const { authentication, adapter } = options.connection ?? createTeamsConnection(options.config, options.credentialsFactory);
  const bot = new ConferenceBot(options.app, options.idempotency);
  const allowed = new Set(options.config.allowedTenantIds);

  return {
    async handle({ authorization, body, log }: BotEndpointRequest): Promise<BotEndpointResponse> {
      const parsed = inboundActivitySchema.safeParse(body);
      if (!parsed.success) {
        return {
          ...httpError('ACTIVITY.MALFORMED', `The request body is not a Bot Framework activity: ${describeActivityIssues(parsed.error)}`),
          logFields: { outcome: 'ACTIVITY.MALFORMED' },
        };
      }
      const activity = parsed.data;
      // A meeting event must carry its meeting and members as Teams sends them: refused here, like any malformed activity.
      if (activity.channelId === 'msteams' && (isMeetingEventActivity(activity) || isRecordingActivity(activity))) {
        const meeting = parseMeetingActivity(activity);
        if (!meeting.ok) {
          return {
            ...httpError('ACTIVITY.MALFORMED', `The meeting event is not as Teams sends it: ${meeting.issues}`),
            logFields: { activityType: safeId(activity.type), outcome: 'ACTIVITY.MALFORMED' },
          };
        }
      }
      const fields = { activityType: safeId(activity.type), activityId: safeId(activity.id), channelId: safeId(activity.channelId) };

      // 1. Authentication. botbuilder throws AuthenticationError for some failures and plain
      // jsonwebtoken errors (bad signature, nbf, alg) for others, which its own process() turns
      // into 500: every failure here is a 401.
      let auth: AuthenticateRequestResult;
      try {
        auth = await authentication.authenticateRequest(activity as unknown as Activity, authorization);
      } catch (err) {
        // The one exception: botbuilder could not load the signing keys (its own 5xx). That is
        // our outage, not the caller's fault, and the channel should retry.
        if (err instanceof AuthenticationError && err.statusCode >= 500) {
          log.error({ ...fields, ...errorFields(err), outcome: 'AUTH.UNAVAILABLE' }, 'signing keys unavailable');
          return { ...httpError('AUTH.UNAVAILABLE', 'Authentication is temporarily unavailable.'), logFields: { ...fields, outcome: 'AUTH.UNAVAILABLE' } };
        }
        log.info({ ...fields, ...errorFields(err), outcome: 'AUTH.UNAUTHORIZED' }, 'activity refused: authentication');
        return { ...httpError('AUTH.UNAUTHORIZED', 'Unauthorized.'), logFields: { ...fields, outcome: 'AUTH.UNAUTHORIZED' } };
      }

      // 2. Tenancy: only the council's own tenant(s). Local mode without a list accepts any.
      const tenantId = activityTenantId(activity);
      if (!(options.config.localMode && allowed.size === 0) && (tenantId === null || !allowed.has(tenantId))) {
        try {
          // Everything in a refused activity is the sender's word: keep only values shaped like ids.
          await options.auditLog.append({
            actorId: safeId(activity.from.aadObjectId) ?? safeId(activity.from.id) ?? 'unknown',
            actorRole: 'unknown',
            action: 'tenant.refused',
            conferenceId: null,
            detail: { tenantId: safeId(tenantId), activityType: safeId(activity.type), channelId: safeId(activity.channelId) },
          });
        } catch (err) {
          log.error({ ...fields, ...errorFields(err) }, 'audit of a tenant refusal failed');
        }
        return { ...httpError('TENANT.NOT_ALLOWED', 'This tenant is not allowed to use this bot.'), logFields: { ...fields, tenantId: safeId(tenantId), outcome: 'TENANT.NOT_ALLOWED' } };
      }

      // The person's 1:1 conversation, for proactive cards later (never fatal to the turn).
      const seen = options.conversationRefs ? conversationRefOf(activity as Parameters<typeof conversationRefOf>[0], tenantId) : null;
      if (seen && options.conversationRefs) {
        const refs = options.conversationRefs;
        await (seen.remove ? refs.forget(seen.ref.personId) : refs.record(seen.ref)).catch((err) => log.warn({ ...fields, ...errorFields(err) }, 'conversation reference not recorded'));
      }

      // 3. Idempotency: a redelivery gets the first delivery's answer and no second effect. Card
      // presses are also keyed per person, verb and card by the card path (card-action-router.ts).
      const key = isKeyedAsCardPress(activity) || isReadOnlyInvoke(activity) ? null : idempotencyKey(activity);
      if (key !== null) {
        const claim = await options.idempotency.claim(key);
        if (!claim.claimed) {
          const previous = storedAnswer(claim.response) ?? { status: 200 };
          return { ...previous, logFields: { ...fields, outcome: 'DUPLICATE' } };
        }
      }

      // 4. The turn.
      let answer: StoredAnswer;
      let turnOutcome: unknown;
      try {
        const invokeResponse = await adapter.runAuthenticated(auth, activity as unknown as Activity, async (context) => {
          context.turnState.set(TURN_LOG, log.child(fields));
          await bot.run(context);
          turnOutcome = context.turnState.get(TURN_OUTCOME);
        });
        answer = invokeResponse ? { status: invokeResponse.status, body: invokeResponse.body } : { status: 200 };
      } catch (err) {
        if (key !== null) await options.idempotency.release(key).catch(() => undefined);
        log.error({ ...fields, ...errorFields(err) }, 'turn failed');
        return { ...httpError('TURN.FAILED', 'The bot could not handle this activity.'), logFields: { ...fields, outcome: 'TURN.FAILED' } };
      }
      if (key !== null) await options.idempotency.complete(key, answer);
      return { ...answer, logFields: { ...fields, outcome: typeof turnOutcome === 'string' ? turnOutcome : 'OK' } };
    },
  };
}
