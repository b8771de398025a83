// The Agents Playground client lives beside the launcher (scripts/local/playground-client.ts):
// the meeting demo drives the Playground with it too.
export { PlaygroundClient, type PlaygroundMessage, playgroundMessageSchema } from '../../scripts/local/playground-client';
