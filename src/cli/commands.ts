/** The commands of `aqparat`, each loaded only when run (or when help lists them all). */
import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Every command, one a line, by the names it registers: a run loads the module of the command it names alone
 * (the services behind the others — the web server, the brief's renderers, the demo — weigh tens of megabytes and
 * a second of start-up); help, or a name none registers, loads them all.
 */
export const COMMANDS: readonly { names: readonly string[]; load: () => Promise<Register> }[] = [
  { names: ['migrate'], load: async () => (await import('./commands/migrate.command.js')).migrateCommand },
  { names: ['demo'], load: async () => (await import('./commands/demo.command.js')).demoCommand },
  { names: ['stats'], load: async () => (await import('./commands/stats.command.js')).statsCommand },
  { names: ['rank'], load: async () => (await import('./commands/rank.command.js')).rankCommand },
  { names: ['start'], load: async () => (await import('./commands/start.command.js')).startCommand },
  { names: ['serve'], load: async () => (await import('./commands/serve.command.js')).serveCommand },
  { names: ['user'], load: async () => (await import('./commands/user.command.js')).userCommand },
  {
    names: ['backup', 'restore'],
    load: async () => (await import('./commands/backup.command.js')).backupCommands,
  },
  { names: ['channel'], load: async () => (await import('./commands/channel.command.js')).channelCommand },
  { names: ['org'], load: async () => (await import('./commands/org.command.js')).orgCommand },
  { names: ['import'], load: async () => (await import('./commands/import.command.js')).importCommand },
  { names: ['collect'], load: async () => (await import('./commands/collect.command.js')).collectCommand },
  { names: ['imports'], load: async () => (await import('./commands/imports.command.js')).importsCommand },
  {
    names: ['publications'],
    load: async () => (await import('./commands/publications.command.js')).publicationsCommand,
  },
  {
    names: ['assign-subject'],
    load: async () => (await import('./commands/publications.command.js')).assignSubjectCommand,
  },
  {
    names: ['attribution'],
    load: async () => (await import('./commands/attribution.command.js')).attributionCommand,
  },
  { names: ['template'], load: async () => (await import('./commands/template.command.js')).templateCommand },
  { names: ['report'], load: async () => (await import('./commands/report.command.js')).reportCommand },
  { names: ['schedule'], load: async () => (await import('./commands/schedule.command.js')).scheduleCommand },
  { names: ['post'], load: async () => (await import('./commands/post.command.js')).postCommand },
  { names: ['publish'], load: async () => (await import('./commands/publish.command.js')).publishCommand },
  { names: ['settings'], load: async () => (await import('./commands/settings.command.js')).settingsCommand },
  { names: ['classify'], load: async () => (await import('./commands/classify.command.js')).classifyCommand },
  {
    names: ['reclassify'],
    load: async () => (await import('./commands/reclassify.command.js')).reclassifyCommand,
  },
  { names: ['correct'], load: async () => (await import('./commands/correct.command.js')).correctCommand },
  { names: ['retrain'], load: async () => (await import('./commands/retrain.command.js')).retrainCommand },
  { names: ['eval'], load: async () => (await import('./commands/eval.command.js')).evalCommand },
];
