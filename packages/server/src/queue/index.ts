/** The job queue (pg-boss on PostgreSQL) shared by imports and outbound notifications. */
export {
  type JobCounts,
  type JobInfo,
  type JobQueue,
  type NewJob,
  openJobQueue,
  QUEUES,
  type QueueName,
} from './job-queue.ts';
