#!/usr/bin/env node
import { useShippedSentenceModel } from '../host/sentenceModelFile';
import { runCli } from './main';

useShippedSentenceModel();

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // Exit 2, never 1: a crash must not look like "a retro reached --fail-on".
    process.stderr.write(`retro-health: internal error: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
