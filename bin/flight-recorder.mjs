#!/usr/bin/env node
// The installed command. The sources are TypeScript run through tsx, so `npx flight-recorder` works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
