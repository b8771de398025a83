// What the meeting stage shows: the agenda with the current part marked (in words, not colour
// alone) and, after the decision, the plan summary. Large type: it is read across a room.
import { Badge, makeStyles, Text, Title1, Title2, tokens } from '@fluentui/react-components';
import type { StageView } from '../shell/api-types';

const useStyles = makeStyles({
  main: { padding: '32px', maxWidth: '960px', margin: '0 auto', display: 'flex', flexDirection: 'column', gap: '24px' },
  agenda: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '12px' },
  item: { display: 'flex', alignItems: 'center', gap: '16px', padding: '12px 16px', borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke1}` },
  current: { border: `3px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  label: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  plan: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '24px', rowGap: '8px', margin: 0, fontSize: tokens.fontSizeBase500 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

const STATUS_TEXT = { done: 'Done', current: 'Now', 'to-come': 'To come' } as const;
const STATUS_APPEARANCE = { done: 'outline', current: 'filled', 'to-come': 'tint' } as const;

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
export const dayOf = (date: string) => DAY.format(new Date(`${date}T12:00:00Z`));

export function StageViewPanel(props: { view: StageView }) {
  const s = useStyles();
  const { view } = props;
  const plan = view.plan;
  return (
    <main className={s.main} data-testid="stage-view">
      <Title1 as="h1">{view.kind}</Title1>
      <Text as="p" size={400}>
        Case reference {view.caseReference}, {dayOf(view.date)}
      </Text>
      <section aria-labelledby="agenda-heading">
        <Title2 as="h2" id="agenda-heading">
          Agenda
        </Title2>
        <ol className={s.agenda} data-testid="stage-agenda">
          {view.agenda.map((item) => (
            <li
              key={item.stage}
              className={item.status === 'current' ? `${s.item} ${s.current}` : s.item}
              aria-current={item.status === 'current' ? 'step' : undefined}
              data-stage={item.stage}
              data-status={item.status}
            >
              <Badge appearance={STATUS_APPEARANCE[item.status]} color={item.status === 'current' ? 'brand' : 'informative'} size="large">
                {STATUS_TEXT[item.status]}
              </Badge>
              <span className={s.label}>{item.label}</span>
            </li>
          ))}
        </ol>
        {view.stage === null ? <Text as="p">The meeting has not started yet.</Text> : null}
        {view.stage === 'closed' ? <Text as="p">The meeting has closed.</Text> : null}
      </section>
      {plan ? (
        <section aria-labelledby="plan-heading" data-testid="stage-plan">
          <Title2 as="h2" id="plan-heading">
            The decision
          </Title2>
          <dl className={s.plan}>
            <dt className={s.term}>Outcome</dt>
            <dd className={s.detail}>{plan.outcomeLabel}</dd>
            {plan.categoryLabel ? (
              <>
                <dt className={s.term}>Category</dt>
                <dd className={s.detail}>{plan.categoryLabel}</dd>
              </>
            ) : null}
            {plan.firstCoreGroupDate ? (
              <>
                <dt className={s.term}>First core group</dt>
                <dd className={s.detail}>{dayOf(plan.firstCoreGroupDate)}</dd>
              </>
            ) : null}
            {plan.reviewDate ? (
              <>
                <dt className={s.term}>Review conference</dt>
                <dd className={s.detail}>{dayOf(plan.reviewDate)}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
    </main>
  );
}
