// Expected vs present for each section (professionals, family), as text.
import { Text } from '@fluentui/react-components';
import type { RunSheet } from '../shell/api-types';
import { SectionCard } from './section-card';

const SECTION_LABEL = { professionals: 'Professionals', family: 'Family' } as const;

export function AttendanceSummary(props: { sections: RunSheet['sections'] }) {
  return (
    <SectionCard title="Expected and present" testId="attendance">
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {props.sections.map((s) => (
          <li key={s.section} data-testid={`attendance-${s.section}`}>
            <Text>
              {SECTION_LABEL[s.section]}: {s.present} present of {s.expected} expected
            </Text>
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}
