/**
 * Follow-ups in a discussion thread: "and on which dataset?", "what about limitations?", "why?",
 * "how so?". Such a question leans on the one before it: its words become context (they help rank
 * sentences but never make the answer "not mentioned"), and a question with no intent of its own
 * ("and for the 14B model?") takes the earlier question's.
 */
import { type IntentWeights, intentWeights } from "./intent.js";
import type { Question } from "./question.js";
import type { Word } from "./words.js";

export interface FollowUp {
  /** Words of the earlier question(s) the follow-up refers to. */
  context: Word[];
  /** Intents to use instead of the question's own, when it has none. */
  intents: IntentWeights | null;
}

const LEANS_ON_EARLIER =
  /^(and|also|plus|but|so|then|what about|how about|and what about|what else|why|why not|why so|how so|how come|really|same for|and for|and on|and in|and with|which one|what for|is that|are they|does it|do they|on which|in which|for which)\b/;
const SHORT = 4;

export function resolveFollowUp(q: Question, earlier: readonly Question[]): FollowUp {
  const none: FollowUp = { context: [], intents: null };
  if (earlier.length === 0) return none;
  const leans = LEANS_ON_EARLIER.test(q.text) || (q.words.length <= SHORT && q.focus.length === 0);
  if (!leans) return none;
  // The nearest earlier question that is about something (a chain of "why?"s leans on the first).
  const about = [...earlier].reverse().find((e) => e.focus.length > 0) ?? earlier[earlier.length - 1];
  if (!about) return none;
  const own = intentWeights(q);
  const hasOwnIntent = !(
    own.size === 1 &&
    (own.has("proposal") || own.has("definition")) &&
    q.focus.length === 0
  );
  return { context: about.focus, intents: hasOwnIntent ? null : intentWeights(about) };
}
