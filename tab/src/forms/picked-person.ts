// A person chosen in a people picker, as the forms keep them (pure: the form values need no React).
export interface PickedPerson {
  id: string;
  displayName: string;
  email?: string;
  agency?: string | null;
}
