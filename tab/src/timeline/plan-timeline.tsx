// Placeholder until the plan timeline lands (replaced whole by its owner, same export and props).
import { Text } from '@fluentui/react-components';
import type { ApiClient } from '../shell/api-client';

export function PlanTimeline(_props: { api: ApiClient; conferenceId: string }) {
  return <Text>The plan timeline is not available yet.</Text>;
}
