/**
 * The service's defaults, in one place: the CLI uses them, and the deploy test holds fly.toml and the
 * Dockerfile to them (port, health check path, database path on the volume).
 */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
export { HEALTH_PATH } from './routes/health/index.ts';
/** Relative to the working directory, as every command's `--db` default. */
export const DEFAULT_DB_PATH = './data/flight-recorder.db';
/** Simulated traffic's own database, beside the real one's default place. */
export const DEMO_DB_NAME = 'demo.db';
/** Where the container image keeps the database: on the Fly volume mounted at /data. */
export const IMAGE_DB_PATH = '/data/flight-recorder.db';
export const DEFAULT_RETENTION_DAYS = 30;
/** The demo's pace: a busy staging afternoon, light enough for a laptop. */
export const DEMO_RATE_PER_SECOND = 20;
export const DEFAULT_NATS_URL = 'nats://[fdaa::3]:4223';
/** Graceful shutdown gives up after this and exits. */
export const SHUTDOWN_GRACE_MS = 5000;
/** A token shorter than this is too easy to guess for a service that may face the internet. */
export const MIN_TOKEN_LENGTH = 16;
