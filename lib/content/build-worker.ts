/**
 * A child process of the content build (lib/content/build.ts): checks the batches of files it is
 * sent and answers each with the outcomes, in order, until the parent disconnects.
 */
import { checkFile, type FileJob } from './build';

process.on('message', (message: { contentDir: string; timeZone: string; now: number; jobs: FileJob[] }) => {
  process.send!(message.jobs.map((job) => checkFile(message.contentDir, message.timeZone, message.now, job)));
});
