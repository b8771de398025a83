// Teams' three themes as Fluent UI v9 themes, so the tab looks like the Teams around it.
import { type Theme, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import type { ThemeName } from './host';

export function fluentTheme(name: ThemeName): Theme {
  if (name === 'dark') return teamsDarkTheme;
  if (name === 'contrast') return teamsHighContrastTheme;
  return teamsLightTheme;
}
