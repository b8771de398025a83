// Placeholder until the family's guide lands (replaced whole by its owner).
import { Text } from '@fluentui/react-components';

export function FamilyGuide(_props: { stage?: string; joinAt?: string }) {
  return <Text>The meeting is going on. Someone will let you in when it is your turn.</Text>;
}
