// Invented settings for an invented council; the same shape an admin's .env would have.
export const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

export const VALID_ENV: Record<string, string> = {
  MicrosoftAppId: BOT_ID,
  TAB_BASE_URL: 'https://cpc.example-council.gov.uk/',
  TEAMS_APP_DEVELOPER_NAME: 'Example Borough Council',
  TEAMS_APP_WEBSITE_URL: 'https://www.example-council.gov.uk',
  TEAMS_APP_PRIVACY_URL: 'https://www.example-council.gov.uk/privacy',
  TEAMS_APP_TERMS_URL: 'https://www.example-council.gov.uk/terms',
};

/** The same council with the chair's "Remove" through the calling bot switched on. */
export const CALLING_ENV: Record<string, string> = { ...VALID_ENV, CALLS_REMOVE_ENABLED: 'true' };
