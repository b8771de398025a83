// What the family is told at each stage of the meeting: plain words (short sentences, common
// words: test/family/family-readability.test.ts measures every one, Flesch reading ease ≥ 70), no
// names, nothing said in the meeting. `time` is the family member's own join time when known.
export type FamilyGuideStage = 'not-started' | 'pre-meeting' | 'confidential' | 'family' | 'decision' | 'looked-after' | 'closed' | 'cancelled';

export interface GuideWords {
  heading: string;
  lines: string[];
}

const waitLine = (time: string | null) =>
  time ? `Please wait in the lobby. The chair will let you in at ${time}.` : 'Please wait in the lobby. The chair will let you in when it is your turn.';

/** For someone who is not on the list, or before we know the stage: what the meeting is. */
export const GENERAL_GUIDE: GuideWords = {
  heading: 'What happens in this meeting',
  lines: [
    'This meeting is about how to keep a child safe.',
    'The chair is independent. They run the meeting and make sure everyone is heard.',
    'When it is your turn, the chair will let you in.',
    'You can say what you think and ask questions.',
  ],
};

export function guideWords(stage: FamilyGuideStage, time: string | null): GuideWords {
  switch (stage) {
    case 'not-started':
      return {
        heading: 'The meeting has not started yet',
        lines: [time ? `Your time to join is ${time}.` : 'Please join at the time in your e-mail.', 'If you join early, you will wait in the lobby. The chair will let you in.'],
      };
    case 'pre-meeting':
      return { heading: 'The meeting will start soon', lines: ['The chair is getting ready with the social worker.', waitLine(time)] };
    case 'confidential':
      return { heading: 'The professionals are talking first', lines: ['The professionals meet on their own first. This part is just for them.', waitLine(time)] };
    case 'family':
      return {
        heading: 'This is your part of the meeting',
        lines: [
          'Each person shares what they know: what is going well and what worries them.',
          'You can say what you think and ask questions at any time.',
          'If you need help to take part, tell the chair.',
        ],
      };
    case 'decision':
      return {
        heading: 'The chair is saying what happens next',
        lines: [
          'The chair tells you what the meeting has decided. At a conference, this is whether the child needs a child protection plan.',
          'The chair explains what happens next. You will get it in writing.',
        ],
      };
    case 'looked-after':
      return {
        heading: 'The meeting now looks at the child’s care',
        lines: ['The child is in care, so this part is the review of their care plan.', 'The chair will tell you who stays for this part.'],
      };
    case 'closed':
      return {
        heading: 'The meeting has ended',
        lines: ['Thank you for taking part.', 'You will get what was decided in writing.', 'If you have a question, reply to your invitation e-mail.'],
      };
    case 'cancelled':
      return {
        heading: 'This meeting will not take place',
        lines: ['The meeting will not take place at the time you were given.', 'The conference team will contact you about what happens next.'],
      };
  }
}

export const FAMILY_GUIDE_STAGES: readonly FamilyGuideStage[] = ['not-started', 'pre-meeting', 'confidential', 'family', 'decision', 'looked-after', 'closed', 'cancelled'];

export function isGuideStage(value: string | undefined): value is FamilyGuideStage {
  return value !== undefined && (FAMILY_GUIDE_STAGES as readonly string[]).includes(value);
}
