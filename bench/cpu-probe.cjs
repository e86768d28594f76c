// Preloaded into every measured child process (node --require): at exit, appends the process's CPU
// time (user + system, all threads, in microseconds) to the file named by RETRO_HEALTH_BENCH_CPU_FILE.
// CPU time hardly changes when other work shares the machine; wall time does.
const fs = require('node:fs');

const file = process.env.RETRO_HEALTH_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.cpuUsage();
    fs.appendFileSync(file, `${usage.user + usage.system}\n`);
  });
}
