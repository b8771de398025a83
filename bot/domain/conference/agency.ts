// The agencies around a child (DOMAIN-RULES §3): what an invitee's `agency` holds, what quoracy
// counts, and what the directory says a professional works for. Ids only; labels are for cards.
export const AGENCIES = [
  'childrens-social-care',
  'police',
  'health',
  'education',
  'probation',
  'housing',
  'early-years',
  'adult-services',
  'cafcass',
  'other',
] as const;

export type Agency = (typeof AGENCIES)[number];

export const AGENCY_LABEL: Readonly<Record<Agency, string>> = {
  'childrens-social-care': "Children's social care",
  police: 'Police',
  health: 'Health (GP, health visitor, school nurse, midwife)',
  education: 'School or education setting',
  probation: 'Probation',
  housing: 'Housing',
  'early-years': 'Nursery or early years',
  'adult-services': 'Adult services (mental health, substance misuse)',
  cafcass: 'CAFCASS',
  other: 'Other agency',
};

/** Health and police are always invited (002): the invite list warns when either is missing. */
export const ALWAYS_INVITED: readonly Agency[] = ['health', 'police'];

export function isAgency(value: unknown): value is Agency {
  return typeof value === 'string' && (AGENCIES as readonly string[]).includes(value);
}
