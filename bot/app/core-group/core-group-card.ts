// The core group minutes card and its verbs: "minutes <case reference>" in chat (that case's core
// group whose minutes are not yet circulated, the earliest; else the latest), Save
// (core-group.minutes-save, the same use case as PUT …/core-group/minutes) and Circulate
// (core-group.minutes-circulate). The card shows the plan's agreed items read-only and sends them
// back unchanged, so it can only add to the plan. Invalid input comes back as the same card with
// the refusal in words and every value kept.
import { randomUUID } from 'node:crypto';
import { type CoreGroupMinutesCardViewModel, MINUTES_LABELS, type MinutesCardValues, render } from '../../cards/core-group-minutes/core-group-minutes.view-model';
import type { Conference } from '../../domain/conference/conference';
import { CodedError } from '../../domain/shared/coded-error';
import { AccessRefused } from '../access/authorise';
import type { AppDeps } from '../app-deps';
import { CASE_REFERENCE_ARG, usageText, accessRefusalText, INVOKE_MESSAGES } from '../attendance/command-messages';
import type { ChatCommand } from '../chat/chat-turn';
import { BookingError } from '../meetings/booking-errors';
import type { CardActionHandlers, CardOutcome } from '../ports/card-action.port';
import { circulateMinutes } from './circulate-minutes.use-case';
import { CoreGroupError, MinutesRefused } from './core-group-errors';
import { type MinutesInput, readCoreGroup, saveCoreGroupMinutes } from './core-group-minutes.use-case';
import type { CoreGroupView } from './core-group-view';

type CardData = Record<string, string | number | undefined>;

const yn = (v: boolean | undefined) => (v === undefined ? '' : v ? 'yes' : 'no');
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function valuesOf(view: CoreGroupView): MinutesCardValues {
  const m = view.minutes;
  return {
    attended: (m?.attendees ?? []).filter((a) => a.attended).map((a) => a.inviteeId).join(','),
    consulted: (m?.attendees ?? []).filter((a) => a.consulted).map((a) => a.inviteeId).join(','),
    chair: m?.attendees.find((a) => a.chair)?.inviteeId ?? '',
    childsWords: m?.childsWords ?? '',
    familysWords: m?.familysWords ?? '',
    childSeen: yn(m?.childSeenInTimescale),
    advocateOffered: yn(m?.advocateOffered),
    newGoal: '',
    newAction: '',
    newActionOwner: '',
    scalingNow: m?.scaling.now?.toString() ?? '',
    scalingInitial: m?.scaling.initialConference?.toString() ?? '',
    // The last meeting's scaling, from the plan's previous core group until one is entered.
    scalingLast: m?.scaling.lastMeeting?.toString() ?? view.previous?.scalingNow?.toString() ?? '',
    workingWell: m?.workingWell ?? '',
    worriedAbout: m?.worriedAbout ?? '',
    needsToHappen: m?.needsToHappen ?? '',
    recommendations: m?.recommendationsForReview ?? '',
    nextCoreGroupDate: m?.nextCoreGroupDate ?? '',
  };
}

function valuesFromCard(d: CardData): MinutesCardValues {
  const keys: (keyof MinutesCardValues)[] = ['attended', 'consulted', 'chair', 'childsWords', 'familysWords', 'childSeen', 'advocateOffered', 'newGoal', 'newAction', 'newActionOwner', 'scalingNow', 'scalingInitial', 'scalingLast', 'workingWell', 'worriedAbout', 'needsToHappen', 'recommendations', 'nextCoreGroupDate'];
  return Object.fromEntries(keys.map((k) => [k, str(d[k])])) as unknown as MinutesCardValues;
}

export function minutesCard(c: Conference, view: CoreGroupView, notice = '', values: MinutesCardValues = valuesOf(view), card: CardData = {}): ReturnType<typeof render> {
  const nameOf = (id: string) => c.invitees.find((i) => i.id === id);
  const progressOf = (id: string) => view.minutes?.progress.find((p) => p.itemId === id);
  const facts = [
    { title: 'Case reference', value: c.caseReference },
    { title: 'Held on', value: view.heldOn },
    { title: 'Quorate', value: view.quorum.quorate ? `yes (${view.quorum.professionalsAttending} professionals)` : `no (${view.quorum.professionalsAttending} of 2 professionals)` },
    { title: 'Next core group', value: view.nextDate.latest ? `by ${view.nextDate.latest} (T5)${view.nextDate.earliestFinal ? `; the final one before the review on ${view.nextDate.reviewDate} not before ${view.nextDate.earliestFinal} (T6)` : ''}` : 'no limit set' },
    { title: 'Minutes circulated', value: view.circulated ? 'yes' : view.minutesDueBy ? `due by ${view.minutesDueBy} (T16)` : 'not yet' },
  ];
  const vm: CoreGroupMinutesCardViewModel = {
    ...MINUTES_LABELS,
    title: `Core group minutes: ${c.caseReference}`,
    facts,
    notice,
    members: view.attendeeTemplate.map((a) => ({ title: `${nameOf(a.inviteeId)?.displayName ?? a.inviteeId} (${a.agency ?? a.role})`, value: a.inviteeId })),
    yesNo: [{ title: 'Yes', value: 'yes' }, { title: 'No', value: 'no' }],
    actions: view.plan.filter((i) => i.kind === 'action').map((i) => ({ text: `Action: ${i.text}${i.owner ? ` (${i.owner})` : ''}` })),
    goals: view.plan.filter((i) => i.kind === 'safety-goal').map((g) => ({
      text: `Safety goal: ${g.text}`,
      progressId: `progress-${g.id}`,
      nextStepsId: `next-${g.id}`,
      progress: str(card[`progress-${g.id}`]) || (progressOf(g.id)?.progress ?? ''),
      nextSteps: str(card[`next-${g.id}`]) || (progressOf(g.id)?.nextSteps ?? ''),
      progressLabel: 'Progress',
      nextStepsLabel: 'Next steps',
    })),
    values,
    saveVerb: 'core-group.minutes-save',
    circulateVerb: 'core-group.minutes-circulate',
    bookNextVerb: 'follow-ups.book',
    conferenceId: c.id,
    version: String(view.version),
    actionId: randomUUID(),
  };
  return render(vm);
}

const intOrUndefined = (v: string) => (v.trim() === '' ? undefined : Number(v));
const boolOf = (v: string) => (v === 'yes' ? true : v === 'no' ? false : undefined);

/** The card's inputs as a save: the agreed items sent back as they are, plus any new ones. */
export function minutesFromCard(view: CoreGroupView, d: CardData): MinutesInput {
  const v = valuesFromCard(d);
  const attended = new Set(v.attended.split(',').filter(Boolean));
  const consulted = new Set(v.consulted.split(',').filter(Boolean));
  const disagreements = [...(view.minutes?.disagreements ?? [])];
  const disagreement = str(d.disagreement).trim();
  if (disagreement !== '') disagreements.push({ by: str(d.disagreementBy).trim() || 'not given', text: disagreement });
  return {
    attendees: view.attendeeTemplate.map((a) => ({ ...a, attended: attended.has(a.inviteeId), consulted: consulted.has(a.inviteeId), chair: v.chair === a.inviteeId })),
    childsWords: v.childsWords,
    familysWords: v.familysWords,
    ...(boolOf(v.childSeen) !== undefined && { childSeenInTimescale: boolOf(v.childSeen)! }),
    ...(boolOf(v.advocateOffered) !== undefined && { advocateOffered: boolOf(v.advocateOffered)! }),
    progress: view.plan
      .filter((i) => i.kind === 'safety-goal')
      .map((g) => ({ itemId: g.id, progress: str(d[`progress-${g.id}`]), nextSteps: str(d[`next-${g.id}`]) }))
      .filter((p) => p.progress.trim() !== '' || p.nextSteps.trim() !== ''),
    scaling: {
      ...(intOrUndefined(v.scalingNow) !== undefined && { now: intOrUndefined(v.scalingNow)! }),
      ...(intOrUndefined(v.scalingInitial) !== undefined && { initialConference: intOrUndefined(v.scalingInitial)! }),
      ...(intOrUndefined(v.scalingLast) !== undefined && { lastMeeting: intOrUndefined(v.scalingLast)! }),
    },
    workingWell: v.workingWell,
    worriedAbout: v.worriedAbout,
    needsToHappen: v.needsToHappen,
    ...(v.recommendations.trim() !== '' && { recommendationsForReview: v.recommendations }),
    ...(v.nextCoreGroupDate.trim() !== '' && { nextCoreGroupDate: v.nextCoreGroupDate.trim() }),
    disagreements,
    plan: [
      ...view.plan.map(({ id, kind, text, owner }) => ({ id, kind, text, ...(owner && { owner }) })),
      ...(v.newGoal.trim() !== '' ? [{ kind: 'safety-goal' as const, text: v.newGoal }] : []),
      ...(v.newAction.trim() !== '' ? [{ kind: 'action' as const, text: v.newAction, ...(v.newActionOwner.trim() && { owner: v.newActionOwner }) }] : []),
    ],
  };
}

function refusal(err: unknown): string | null {
  if (err instanceof MinutesRefused) return err.fieldErrors.map((e) => e.message).join(' ');
  if (err instanceof CoreGroupError) return err.message;
  if (err instanceof CodedError && err.code === 'API.VERSION_STALE') return 'Someone saved these minutes since this card was shown: here they are as saved now. Enter your changes again.';
  return null;
}

export function coreGroupCardHandlers(deps: AppDeps): Pick<CardActionHandlers, 'core-group.minutes-save' | 'core-group.minutes-circulate'> {
  const load = async (id: string) => {
    const c = await deps.store.get(id);
    if (!c) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${id} not found`);
    return c;
  };
  return {
    'core-group.minutes-save': async (request): Promise<CardOutcome> => {
      const c = await load(request.data.conferenceId);
      const view = await readCoreGroup(deps, request.actorId, c.id);
      const data = request.data as CardData;
      try {
        const saved = await saveCoreGroupMinutes(deps, request.actorId, c.id, minutesFromCard(view, data), request.data.version);
        return { kind: 'card', card: minutesCard(c, saved, 'Saved.') };
      } catch (err) {
        const words = refusal(err);
        if (words === null) throw err;
        const stale = err instanceof CodedError && err.code === 'API.VERSION_STALE';
        return { kind: 'card', card: stale ? minutesCard(c, view, words) : minutesCard(c, view, words, valuesFromCard(data), data) };
      }
    },
    'core-group.minutes-circulate': async (request): Promise<CardOutcome> => {
      const c = await load(request.data.conferenceId);
      try {
        const out = await circulateMinutes(deps, request.actorId, c.id);
        const words = out.alreadyCirculated
          ? 'These minutes were circulated already: nothing was sent again.'
          : `Sent to ${out.sent.length} member${out.sent.length === 1 ? '' : 's'}${out.failed.length + out.unknown.length > 0 ? `; ${out.failed.length + out.unknown.length} could not be confirmed (the clerk can see which)` : ''}.${out.onTime === false ? ' This is after the T16 deadline.' : ''}`;
        return { kind: 'card', card: minutesCard(c, out.view, words) };
      } catch (err) {
        const words = refusal(err);
        if (words === null) throw err;
        return { kind: 'card', card: minutesCard(c, await readCoreGroup(deps, request.actorId, c.id), words) };
      }
    },
  };
}

export function coreGroupCommands(deps: AppDeps): ChatCommand[] {
  return [
    {
      word: 'minutes',
      async run(turn, args) {
        const reference = args.trim();
        if (!CASE_REFERENCE_ARG.test(reference)) return { kind: 'text', text: usageText('minutes') };
        const all = (await Promise.all((await deps.lookup.idsByCaseReference(reference)).map((id) => deps.store.get(id)))).filter((c): c is Conference => c !== null && c.kind === 'CORE_GROUP');
        const open: Conference[] = [];
        for (const c of all) if (!(await deps.coreGroups.getMinutes(c.id))?.circulatedAt) open.push(c);
        const c = open.sort((a, b) => a.start.localeCompare(b.start))[0] ?? all.sort((a, b) => b.start.localeCompare(a.start))[0];
        if (!c) return { kind: 'text', text: INVOKE_MESSAGES.notFound };
        try {
          return { kind: 'card', card: minutesCard(c, await readCoreGroup(deps, turn.actor.aadObjectId, c.id)) };
        } catch (err) {
          if (!(err instanceof AccessRefused)) throw err;
          return { kind: 'text', text: accessRefusalText(err) };
        }
      },
    },
  ];
}
