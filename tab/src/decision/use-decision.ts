// Loads the chair's decision, saves the draft a moment after each change (PUT …/decision/draft),
// and records it (POST …/decision with the draft, so nothing typed is lost). The problems shown
// are always the server's: from the latest save's answer, or every field of a 422 on Record.
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiClient, ApiError } from '../shell/api-client';
import type { DecisionReading, RecordedDecision } from '../shell/api-types';
import { draftOf, type FormValues, type Problem, problemsOfRefusal, valuesOf } from './decision-state';

/** How long after the last change the draft is saved (typing a reason is one save, not forty). */
const SAVE_AFTER_MS = 600;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export interface DecisionFormState {
  reading: DecisionReading | null;
  values: FormValues | null;
  problems: Problem[];
  /** True after a Record the server refused for its fields: problems are then shown as errors. */
  refused: boolean;
  save: SaveState;
  savedAt: string | null;
  recording: boolean;
  recorded: RecordedDecision | null;
  error: ApiError | null;
  loadError: ApiError | null;
}

export function useDecision(api: ApiClient, conferenceId: string) {
  const base = `/conferences/${encodeURIComponent(conferenceId)}/decision`;
  const [state, setState] = useState<DecisionFormState>({
    reading: null, values: null, problems: [], refused: false, save: 'idle', savedAt: null, recording: false, recorded: null, error: null, loadError: null,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<FormValues | null>(null);
  // Answers of older saves are ignored: only the last request's problems match what is on screen.
  const seq = useRef(0);
  const recordingRef = useRef(false);

  useEffect(() => {
    let live = true;
    api.get<DecisionReading>(base).then(
      (reading) => {
        if (!live) return;
        latest.current = valuesOf(reading);
        setState((s) => ({ ...s, reading, values: latest.current, problems: reading.problems, savedAt: reading.draft.savedAt ?? null }));
      },
      (err: unknown) => live && setState((s) => ({ ...s, loadError: asApiError(err) })),
    );
    return () => {
      live = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [api, base]);

  const saveNow = useCallback(async () => {
    timer.current = null;
    const values = latest.current;
    if (!values || recordingRef.current) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, save: 'saving' }));
    try {
      const { body } = await api.send<DecisionReading>('PUT', `${base}/draft`, draftOf(values));
      if (mine !== seq.current) return;
      setState((s) => ({ ...s, reading: body, problems: body.problems, save: timer.current ? 'pending' : 'saved', savedAt: body.draft.savedAt ?? null, error: null }));
    } catch (err) {
      if (mine !== seq.current) return;
      const e = asApiError(err);
      if (e.code === 'DECISION.ALREADY_RECORDED') {
        // Recorded meanwhile (the card, another window): show the decision as it stands.
        const reading = await api.get<DecisionReading>(base).catch(() => null);
        if (reading) {
          setState((s) => ({ ...s, reading, problems: reading.problems, save: 'idle', error: null }));
          return;
        }
      }
      const fields = problemsOfRefusal(e.details);
      setState((s) => ({ ...s, save: 'failed', error: e, ...(fields && { problems: fields }) }));
    }
  }, [api, base]);

  const change = useCallback((update: (v: FormValues) => FormValues) => {
    if (!latest.current || recordingRef.current) return;
    latest.current = update(latest.current);
    setState((s) => ({ ...s, values: latest.current, save: 'pending' }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), SAVE_AFTER_MS);
  }, [saveNow]);

  const record = useCallback(async (): Promise<Problem[] | null> => {
    const values = latest.current;
    // A second press while the first is on its way sends nothing (the server would answer
    // alreadyRecorded anyway: one decision either way).
    if (!values || recordingRef.current) return null;
    recordingRef.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const mine = ++seq.current;
    setState((s) => ({ ...s, recording: true, error: null }));
    try {
      const { body } = await api.send<RecordedDecision>('POST', base, { draft: draftOf(values) });
      setState((s) => ({ ...s, reading: body, recorded: body, problems: [], refused: false, recording: false, save: 'saved', savedAt: body.draft.savedAt ?? s.savedAt }));
      return [];
    } catch (err) {
      const e = asApiError(err);
      const fields = e.status === 422 ? problemsOfRefusal(e.details) : null;
      if (mine === seq.current) {
        setState((s) => ({ ...s, recording: false, error: e, save: 'idle', ...(fields && { problems: fields, refused: true }) }));
      }
      return fields;
    } finally {
      recordingRef.current = false;
    }
  }, [api, base]);

  return { state, change, record };
}

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'UNEXPECTED', (err as Error)?.message ?? 'Something went wrong.');
}
