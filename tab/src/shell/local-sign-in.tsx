// Local mode only (a plain browser, npm start): "who are you?" — the product's local people are
// invented, and the local API signs a token for whoever is picked. The list is local mode's staff
// roster (GET /api/v1/dev/identities, names from the sandbox directory); an object id can still be
// typed for someone who is not on it. In Teams this never shows.
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text, Title2 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { chooseLocalUser } from './session';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Identity {
  objectId: string;
  displayName: string;
  role: string;
  agency: string | null;
  jobTitle: string | null;
}

const ROLE_LABEL: Record<string, string> = {
  chair: 'Chair',
  clerk: 'Clerk',
  'social-worker': 'Social worker',
  'team-manager': 'Team manager',
  'safeguarding-manager': 'Safeguarding manager',
  'service-manager': 'Service manager',
  professional: 'Professional',
};

// Fluent's Text is inline: the page stacks its parts in a column.
const COLUMN = { padding: 24, maxWidth: 520, display: 'flex', flexDirection: 'column', gap: 12 } as const;
const FORM = { display: 'flex', flexDirection: 'column', gap: 12 } as const;

export function LocalSignIn(props: { onSignedIn(userId: string): void }) {
  const [identities, setIdentities] = useState<Identity[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [picked, setPicked] = useState('');
  const [typed, setTyped] = useState('');

  useEffect(() => {
    fetch('/api/v1/dev/identities', { headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) throw new Error(res.status === 404 ? 'Local sign-in is only available in local mode (npm start).' : `The list of people could not be read (${res.status}).`);
        const body = (await res.json()) as { identities: Identity[] };
        setIdentities(body.identities);
        setPicked(body.identities[0]?.objectId ?? '');
      })
      .catch((err: Error) => setFailed(err.message));
  }, []);

  const sign = (id: string) => {
    chooseLocalUser(id);
    props.onSignedIn(id);
  };
  const typedValid = GUID.test(typed.trim());
  const roles = [...new Set((identities ?? []).map((i) => i.role))];

  return (
    <main style={COLUMN} data-testid="local-sign-in">
      <Title2 as="h1">Sign in (local mode)</Title2>
      <Text as="p">This is the local product. Choose who you are to see what they would see in Teams. Everyone here is invented.</Text>
      {failed && (
        <MessageBar intent="error">
          <MessageBarBody>{failed}</MessageBarBody>
        </MessageBar>
      )}
      <form
        style={FORM}
        onSubmit={(e) => {
          e.preventDefault();
          if (picked) sign(picked);
        }}
      >
        <Field label="Who are you?">
          <Select value={picked} onChange={(_, d) => setPicked(d.value)} disabled={!identities} data-testid="local-sign-in-person">
            {roles.map((role) => (
              <optgroup key={role} label={ROLE_LABEL[role] ?? role}>
                {(identities ?? [])
                  .filter((i) => i.role === role)
                  .map((i) => (
                    <option key={i.objectId} value={i.objectId}>
                      {i.displayName}
                      {i.agency && i.agency !== 'childrens-social-care' ? ` (${i.agency})` : ''}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" type="submit" disabled={!picked} style={{ alignSelf: 'flex-start' }} data-testid="local-sign-in-submit">
          Sign in
        </Button>
      </form>
      <form
        style={{ ...FORM, marginTop: 24 }}
        onSubmit={(e) => {
          e.preventDefault();
          if (typedValid) sign(typed.trim());
        }}
      >
        <Field label="Or an Entra object id" validationMessage={typed && !typedValid ? 'An object id looks like 5eed0000-0000-4000-8000-000000000001.' : undefined}>
          <Input value={typed} onChange={(_, d) => setTyped(d.value)} />
        </Field>
        <Button type="submit" disabled={!typedValid} style={{ alignSelf: 'flex-start' }}>
          Sign in with this id
        </Button>
      </form>
    </main>
  );
}
