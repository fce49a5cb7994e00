/**
 * The worker thread of a roundup's topics (in-worker.ts): groups the papers it is given and posts
 * the topics back. It runs with a memory limit; the main thread keeps answering meanwhile.
 */
import { parentPort, workerData } from "node:worker_threads";
import { groupTopics, type TopicInput } from "./topics.js";

parentPort?.postMessage(groupTopics(workerData as TopicInput[]));
