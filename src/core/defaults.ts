/** Defaults shared by the editor's settings and the CLI's options, so both treat a workspace alike. */

/** Which markdown files are retros by name (`retroHealth.files`); content can make others retros too. */
export const DEFAULT_RETRO_GLOBS: readonly string[] = ['**/*{retro,Retro,RETRO}*.{md,markdown}', '**/{retros,retrospectives,Retros,Retrospectives}/**/*.{md,markdown}'];

/** Larger files are not analysed (`retroHealth.maxFileSizeKB`, `--max-file-size-kb`). */
export const DEFAULT_MAX_FILE_SIZE_KB = 1024;
