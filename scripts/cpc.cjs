#!/usr/bin/env node
// `npx cpc …`: the timescale command-line contract (bot/adapters/cli/cpc.ts), run through tsx.
require('tsx/cjs/api').register();
require('../bot/adapters/cli/cpc.ts');
