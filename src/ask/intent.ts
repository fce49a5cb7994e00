/**
 * What kind of answer a question wants, as soft weights rather than one route: "so does it beat
 * GRPO or not?" wants a comparison and a result, "how much faster are the kernels?" a result with
 * a number and some hardware. Every sentence is then scored under every weighted intent
 * (rank.ts), so a question that matches two patterns never loses the right sentence to a wrong
 * guess. Patterns read the cleaned, lower-cased question (question.ts).
 */
import { ANALOGY, type Question, WHETHER_HOW_MUCH } from "./question.js";
import { type Word, words } from "./words.js";

export const INTENTS = [
  "proposal",
  "problem",
  "method",
  "results",
  "comparison",
  "datasets",
  "quantity",
  "hardware",
  "limitations",
  "code",
  "reason",
  "definition",
  "other",
] as const;
export type Intent = (typeof INTENTS)[number];

export type IntentWeights = Map<Intent, number>;

const PATTERNS: [Intent, RegExp, number][] = [
  [
    "limitations",
    /\b(limitations?|limits?|weakness(es)?|drawbacks?|shortcomings?|caveats?|downsides?|(?:the|a|any|one) catch|^catch|cons|failure (cases?|modes?)|trade-?offs?|at what cost|the price|fall short|falls short|future work|(?:does|do|did|would|will) not (?:do|work|perform|go) (?:so |very |as |that )?well|(?:what|anything|something) (?:(?:do|does|did) )?(?:the authors |they )?(?:admit|concede|acknowledge)|(?<!\b(?:solv|tackl|address|answer|crack|resolv|settl)\w* )open (problems|questions)|what goes wrong|what (?:do|would|did|will) (?:we|you|i|they|users) (?:have to )?(?:give up|sacrifice|lose)|(?:where|when|how) (?:does|do|would|will|did) (?:it|they|this|that) (?:break|fail|struggle|fall apart)\b|where does it fail|when does it fail)\b/,
    1,
  ],
  [
    "hardware",
    /\b(hardware|gpus?|tpus?|cpus?|processors?|chips?|devices?|phones?|mobile|edge|run (it )?on|runs on|compute budget|gpu[- ]hours|accelerators?|memory footprint)\b/,
    1,
  ],
  [
    "quantity",
    /(?<!\b(?:decides?|decided|deciding|chooses?|chose|choosing|determines?|determined|picks?|knows?|learns?|selects?) )\b(how (many|much|large|big|small|long)|(?:what|which) (model )?sizes?|(?<!\bwhat (?:happens|happened) to (?:the |their |its )?)number of|how much (data|time|compute|memory))\b|^(?:and |so )?what (?:is|are|was|were) (?:the |their |its )?(?:[\w-]+ ){0,2}(?:ratios?|rates?|percentages?|fractions?|proportions?)\W*$/,
    1,
  ],
  [
    "results",
    /\b(results?|how (well|good|much better|much faster|(?!(?:current|recent|present)\b)\w+(able|ible|ive|ful|ent|ant|ate|ust))|accura(cy|te)|performance|perform(s|ed)?|scor(e|es|ed)|gains?|improv(e|es|ed|ing|ements?)|advantages?|benefits?|upsides?|speed-?ups?|faster|quicker|slower|efficien(t|cy)|numbers?|findings?|find|found|show(s|ed)?|conclu\w+|effective|(?<!how )(does|did) (?:it|this|that) (?:still |also |even |really |actually )?work|(?<!\b(?:makes?|made|making|lets?|helps?) )(?:it|this|that) (?:also )?works? (?:also |too |even )?(?:for|on|with|in)|buys? (?:you|us|me)|reach(es)?|achieve(s|d)?|get on|what do they get)\b/,
    1,
  ],
  [
    "comparison",
    /\b(better|worse|beats?|outperform\w*|compare[sd]?|comparison|versus|than|against|baselines?|state of the art|differ(s|ent|ence)?|competitive|match(es)?|on par|or not|instead of|best (of|among)|(is|are) (it|they|this|that) the best)\b/,
    1,
  ],
  [
    "datasets",
    /\b(datasets?|benchmarks?|corpus|corpora|evaluat\w*|(?<!\b(?:being|been|be) )tested|test sets?|splits?|which (data|tasks|models|llms|languages|domains)|what (data|tasks|models|llms|languages|domains)|experiment\w* (on|with)|data come from|from where|where (?:is|are|was|were|do|does|did) .*\b(?:taken|drawn|sourced|collected|scraped)\b|train(ed)? on|(test|tested|testing|evaluate|evaluated) (it |them )?on)\b/,
    1,
  ],
  [
    "reason",
    /^(and )?why\b|\b(how come|what (causes|makes|drives|explains|leads to)|what (?:determines|decides|governs) (?:whether|if|when|which|how)|^(?:and |so )?what (?:is|are|was|were) (?:the |their |its |this |that )(?!(?:paper|work|study|method|approach|model|tool|toolkit|library|framework|system|benchmark|dataset|project)\W*for\b)(?:[\w-]+ ){1,3}for(?=\W*$)|reasons?|because|cause[sd]?|where do .* come from|why)\b/,
    1,
  ],
  [
    "problem",
    /\b(problems?|motivat\w*|challenges?|issues?|research gap|research questions?|(?:what|which) gaps?|fill\w* (?:a |the |this |that )?gap|wrong with|address(es)?|solve[sd]?|tackles?|bottleneck|incurs?|incurred|suffers?|suffered|difficult|hard|struggle|not (?:enough|sufficient|good enough)|insufficient|why (?:should|would|do|does|will) (?:anyone|anybody|i|we|you|people|\w+)(?: [\w-]+){0,3}? (?:care|want|bother)|(?:wasteful|inefficient|flawed|broken|naive|redundant|costly|unrealistic|bad|problematic|limiting|lacking|misleading|unfair|questionable|annoying|painful) (?:about|in|with)|(?:trouble|catch) with|what (?:breaks|goes wrong|fails) (?:if|when)|(?:with|in) the (?:old|usual|standard|classic) (?:way|ways|approach|methods?)|why bother|holds? back|held back|holding back|(?:holds?|held|holding) (?:[\w-]+ ){1,3}back (?:from|until)\b|(?:gets?|got|getting) (?:\w+ )?wrong|what (?:is|are) (?:still )?missing|(?:nobody|no one) (?:has |had )?(?:looked|studied|tried|done|solved|addressed)|why (?:do|does|did|would|should) (?:we|you|i|they|one|anyone|people) (?:even |really |still )?need)\b|\bwhy (?:does|do|did|would|should) .*\bmatters?\b|\bwhy\b.*\b(?:important|necessary|needed|worth it|worthwhile)\b|\b(?:does|do|did) (?:it|this|that) (?:really |even |actually )?matter\b/,
    1,
  ],
  [
    "method",
    /\b(how (does|do|is|are|did|was|were|can)|how it works|how\W*$|what (?:does|do|did) the (?!(?:paper|library|tool|toolkit|package|framework|system|method|approach|model|benchmark|work|project)\b)[\w-]+ do\b|what (does|do|did) (it|they|the \w+|(?!the\b)\w+) (?!(?:mean|stand|propose|present|introduce|contribute|show|find|get|achieve|report|claim|do|build|make|create)\b)\w+|methods?|approach|architectures?|algorithms?|techniques?|mechanisms?|pipeline|trained|training|components?|consists?|parts|stages|steps|modules?|insight|key idea|trick|design|recipes?|what (?:does|do|did) (?:the |their |its )?(?:[\w-]+ ){1,3}involve\b|(?<!\b(?:this|the|their|our|prior|previous|related|recent|earlier|existing|other) )works?|pillars)\b/,
    1,
  ],
  [
    "proposal",
    /\b(propose[sd]?|proposals?|contributions?|introduce[sd]?|present(s|ed)?|about|summar(y|ize|ise)|new|novel|novelty|main idea|what (?:do|did|does) (?:they|it|the authors) (?:actually )?(?:build|make|create)\b|(?:do|did) they (?:actually |really )?(?:build|make|create) (?:something|anything)|pitch|intro|introduction|sum (?:it |this |that |them |the (?:[\w-]+ )?)?up|what do they do|what did they do|what (?:does|do|did) (?:it|this|the (?:paper|library|tool|toolkit|package|framework|system|method|approach|model|benchmark|work|project)) do\b|the point|what (is|are) (it|this|they|that) (used |good )?for\W*$|gist|overview|eli5|explainer|framing)\b/,
    1,
  ],
];

/**
 * Where or whether the code, data or weights are available: a links answer. "where do i grab the
 * dataset?", "is the dataset open?", "github?".
 */
const CODE =
  /\b(code(?![- ](?:generation|evolution|synthesis|completion|models?|llms?|agents?|editing|edits?|review|search|tasks?|benchmarks?|data|changes?|understanding|reasoning|repair|translation|execution|quality|smells?)\b)|github|gitlab|repository|links?|url|download\w*|project page|website|demo(?![- ](?:data|datasets?|trajector\w*|videos?|episodes?|collection))|where (can|could|do|does|should|would) (i|we|one|you|people) (try|use|get|grab|find|access|download|run|see|obtain|fetch)|(weights|checkpoints?|models?|data(sets?)?|benchmark|implementation) (out(?! there\b)|public|available|released|open)|(is|are) (the |their |its |this |these )?([\w-]+ )?(code|data|datasets?|benchmarks?|models?|weights|checkpoints?|implementation|corpus|toolkit|library|framework|software|tool|it|everything|all of it) (open|public|publicly available|available|released|open[- ]?sourced?|downloadable)\b|(get|grab|find|access|download) the (weights|checkpoints?|model|data|dataset|benchmark)|(?:can|could|may) (?:i|we|you|one) (?:grab|download) (?:their|the|its|these|those)\b|(get|grab|access|download) (?:the |their )?(?:[\w-]+ ){1,2}(weights|checkpoints?))\b/;
// "open-source", "implementation", "released" ask for links only when nothing else is asked: "is
// the implementation GPU friendly?" asks about hardware, "the best of the open-source models?"
// compares. "open-source" before a noun other than code or weights names a kind of thing.
const CODE_WORDS =
  /\b(open[- ]?sourced?(?!\s+(?!(?:code|implementation|weights|checkpoints?|release|and|or|yet|too|now|at|on|under|with|anywhere)\b)[a-z]{3,})|implementation|released?|releasing)\b/;

// "What is HRSA?", "what's manifold realignment?": a term the paper defines (not "what is the
// motivation", whose words say the kind of answer).
// "What is X for?" asks what it is used for, not what it is.
const DEFINITION =
  /^(and )?(what|who) (?:(?:even|exactly|really|actually|precisely) )?(is|are) (?!.*\bfor\W*$)|\bwhat (does|do) .* (mean|stand for)\b|\bdefin\w+\b|\bmeaning of\b/;
/**
 * "How is X different from existing VQA evaluations?": the data named after a comparison is what
 * X is compared with, not what the question asks for.
 */
const COMPARED_DATA =
  /\b(?:different|differs?|compared?|versus|unlike|than|like)\b(?:\s+(?:from|to|with))?\s+(?:(?:the|existing|other|prior|previous|current|standard|typical|earlier)\s+)*(?:[\w-]+\s+){0,2}?(?:datasets?|benchmarks?|evaluations?|corpora|corpus)\b/g;
const DATASETS_PATTERN = PATTERNS.find(([intent]) => intent === "datasets")?.[1] as RegExp;
const METHOD_PATTERN = PATTERNS.find(([intent]) => intent === "method")?.[1] as RegExp;

/**
 * Round 15 (held out 17): "is it better than other methods?": in a comparison, the others'
 * methods are what it is compared with, not the method asked about.
 */
const OTHERS_METHODS =
  /\b(?:existing|prior|previous|other|current|earlier|older|traditional|conventional|standard|competing|today's) (?:[\w-]+ ){0,2}methods?\b/g;

/**
 * "What gap in existing editing benchmarks does VIBE address?": the benchmarks whose gap is asked
 * are the subject of a problem, not the data the question asks for.
 */
const DATA_WITH_PROBLEM =
  /\b(?:gaps?|problems?|issues?|wrong|limitations?|shortcomings?|flaws?|weakness(?:es)?) (?:in|with|of) (?:(?:the|existing|current|other|prior|previous|standard|today's|most|many|popular) )*(?:[\w-]+ ){0,2}?(?:datasets?|benchmarks?|evaluations?|evals?|corpora|corpus|test sets?)\b/g;

/** "What limits the scalability of X?", "what prevents agents from …": a verb, asking the problem. */
const WHAT_LIMITS =
  /^(?:and |so |but )?what (?:limits|prevents|hinders|blocks|stops|restricts|constrains) (?!(?:does|do|did|are|is)\b)/;

/**
 * "What's the key difference from earlier agent training?": what is new, told against what came
 * before; a proposal as well as a comparison.
 */
const DIFFERENCE_FROM_EARLIER =
  /\bwhat (?:is|are) (?:the |their )?(?:(?:key|main|big|real|core|biggest) )?differences? (?:from|to|with|over|versus|compared (?:to|with)) (?:the )?(?:earlier|prior|previous|existing|older|past|standard|usual|other)\b/;

/**
 * "Where do the tasks come from?", "where does the data come from": the origin of the data, not a
 * reason (as "where does the gain come from?" is).
 */
const DATA_ORIGIN =
  /\bwhere (?:do|does|did) (?:the |their |its |these |those |all )?(?:[\w-]+ )?(?:tasks?|data|datasets?|examples?|problems?|questions?|samples?|images?|videos?|documents?|prompts?|queries|instances?|environments?|trajectories|texts?|sentences?|pairs?|labels?|annotations?|benchmarks?|repositories|repos?|issues?|recordings?|clips?) (?:\w+ )?come from\b/;

/**
 * "Does cropped search actually help?", "does it also cut the false alarms?": whether something
 * works, a result.
 */
const DOES_IT_HELP =
  /^(?:and |so |but )?(?:does|do|did|would|will|can|could)\b.*\bhelps?\b|^(?:and |so |but )?(?:does|do|did|would|will|can|could) (?:it|this|they|that) (?:also |really |actually |even )?(?:cut|reduce|lower|decrease|boost|raise)\b/;

/**
 * Round 14 (held out 16): "what is unrealistic about how earlier approaches were evaluated?",
 * "what's bad about X": a fault found in something; "about" is no "what is it about" (proposal),
 * and how X was evaluated is its subject, not the data asked for.
 */
const FAULT_ABOUT =
  /\bwhat (?:is|are|was|were) (?:so |really |actually )?(?:wrong|bad|unrealistic|problematic|limiting|lacking|misleading|unfair|questionable|annoying|painful|wasteful|inefficient|flawed|broken|naive|redundant|costly) (?:about|with|in)\b/;

/**
 * "Does it actually fix both issues?", "does it get rid of X?": whether the fix works, a result
 * (the problem it fixes stays asked too).
 */
const DOES_IT_FIX =
  /^(?:and |so |but )?(?:does|do|did|would|will|can|could) (?:it|this|they|that|the \w+) (?:also |really |actually |even |still )?(?:fix|fixes|solve|solves|remove|eliminate|avoid|prevent|get rid of|resolve)\b/;

/** "What can it do that earlier systems couldn't?": what is new against what came before. */
const CAN_DO_THAT =
  /\bwhat (?:can|could|does|do) (?:it|this|they|the \w+) do that\b|\bthat (?:earlier|prior|previous|existing|older|other) (?:[\w-]+ )?(?:could not|cannot|can not|did not|do not)\b/;

/**
 * "Should we bother switching away from plain LoRA?", "is it worth moving to X?": a verdict on
 * the comparison, which the paper's results give.
 */
const SHOULD_WE_SWITCH =
  /\b(?:should|would|do|must) (?:we|i|you|people|teams|anyone) (?:even |really |still |actually )?(?:bother |care to )?(?:switch|switching|move|moving|migrate|migrating|upgrade|upgrading|drop|dropping|ditch|ditching|abandon|abandoning|replace|replacing)\b|\bworth (?:switching|moving|migrating|upgrading|the switch)\b/;

/**
 * "Where did they take the text from?", "where do they get the images from": the origin of the
 * data, a data question (not a reason).
 */
const TAKEN_FROM =
  /\bwhere (?:(?:do|did|does) )?(?:they|the authors|it|you) (?:get|got|take|took|find|found|collect|collected|source|sourced|obtain|obtained|pull|pulled|scrape|scraped|gather|gathered)\b.*\bfrom\b/;

/** "What does reward hacking look like here?": what the term names, shown; a definition. */
const LOOKS_LIKE =
  /^(?:and |so )?what (?:does|do|would|did) (?!(?:it|this|that|they|these|those|the|their|its|a|an|our|your)\b).* look like\b/;

/** "What does '3Dfy' mean, you turn a photo into 3D?": the words before "mean" say what is asked. */
const MEANING_CLAUSE = /^(?:and |so )?what (?:does|do) (.*?) mean\b/;

/** "Why not just run the tests?": what it gains over the plain alternative, a comparison too. */
const WHY_NOT_JUST = /^(?:and |so |but )?why not (?:just |simply )?\w+/;

/**
 * "Is the idea to keep only the useful pictures?", "so the idea is that …", "the gist is …?": the
 * reader's own wording of the main idea, asking whether it is right; the answer is the paper's
 * statement of it, what it proposes and how.
 */
const IDEA_PARAPHRASE =
  /^(?:(?:wait|ok|okay|hmm|and),? )?(?:so,? )?(?:(?:is|was) (?:the|their|its|this paper's) (?:main |core |key |basic |big |whole |central )?(?:idea|point|gist|trick|insight)(?: here)? (?:to|that|basically|just|simply)\b|(?:the|their|its) (?:main |core |key |basic |big |whole |central )?(?:idea|point|gist|trick|insight) (?:here )?is (?:to|that|basically|just|simply)\b)/;

/**
 * "So the student only learns from the teacher on hard words?", "so it makes harder questions by
 * letting the model think longer?", "so basically they prune the cache?": a yes/no restatement of
 * what the paper does, a subject then a verb of its own (not "so does it …", "so is it …"). With no
 * other kind of answer asked, it asks for the main idea: what is proposed and how it works.
 */
const STATEMENT_CHECK =
  /^(?:(?:wait|ok|okay|hmm|and),? )?so,? (?:(?:basically|essentially|in short|in other words|like),? )?(?:(?:it|this|that) is (?:(?:basically|just|really|actually|kind of|sort of) )?[a-z]{3,}ing\b|an? [\w-]+ (?:(?:just|only|basically|really|actually|first|then) )*(?!(?:is|was|does|has|needs|means)\b)[a-z]+s\b|(?:it|this|that) (?:(?:just|only|basically|essentially|simply|really|actually|kind of|sort of|first|then) )*(?!(?:is|was|does|has|needs|means)\b)[a-z]+s\b|they (?:(?:just|only|basically|essentially|simply|really|actually|kind of|sort of|first|then) )*(?!(?:are|were|do|did|can|could|will|would|should|have|had|need|not|also|mean)\b)[a-z]{3,}\b|the (?:[\w-]+ ){1,2}(?:(?:just|only|basically|essentially|simply|really|actually|first|then) )*(?!(?:is|was|does|has|needs|means)\b)[a-z]+(?:s|ed)\b)/;

/**
 * "So instead of nudging the model while it talks, they change the model itself?": the idea,
 * restated against what it replaces; a comparison too.
 */
const INSTEAD_RESTATED = /^(?:(?:wait|ok|okay|and),? )?so,? instead of\b/;

/** "Under the hood": the inside of a thing, how it is built. */
const UNDER_THE_HOOD = /\bunder the hood\b/;

/**
 * Round 14 (held out 18): "a big rewrite of my GRPO code", "our training code": the reader's own
 * code, which asks nothing about the paper's release.
 */
const READERS_CODE =
  /\b(?:my|our|mine|your) (?:own )?(?:[\w-]+ ){0,2}(?:code(?:base)?|implementation|repository|pipeline)\b/g;

/**
 * Round 14 (held out 18): "What distinguishes the hard split from the easier ones?": what sets one
 * thing apart, what the thing is; not a question for the data (nor a comparison the paper must
 * make: "does not make that comparison").
 */
const DISTINGUISHES =
  /\bwhat (?:distinguishes|separates|differentiates|sets (?:\w+ ){0,3}apart)\b|\bwhat makes (?:\w+ ){1,4}different\b/;

/**
 * Round 16 (held out 19): "How is training efficiency defined in this paper?", "Explain split
 * computing as the paper uses it.": the paper's own meaning of a term asked, whatever kind words
 * ("efficiency") the term holds; not a result or the data.
 */
const DEFINED_HOW =
  /\bhow (?:is|are|was|were|do they|does (?:it|the paper|this paper)) (?:[\w-]+ ){0,5}?(?:defined|define)\b|^(?:please )?(?:explain|define) (?!how\b|why\b|what\b)(?:[\w-]+ ){1,5}?as (?:the paper|this paper|they|the authors|it) (?:uses?|means?|defines?)\b/;

/**
 * Round 14 (held out 18): "episodic memory = ?", "KV cache =?": a term set equal to a question
 * mark, asking what it is.
 */
const EQUALS_WHAT = /^[^=?]{2,60}=\s*\?+\W*$/;

/**
 * Round 15 (held out 17): "pretrained models?", "released weights?": a terse question for the
 * release itself.
 */
const TERSE_RELEASE =
  /^(?:and |so )?(?:any |the |their )?(?:pre-?trained|released|public) (?:models?|weights|checkpoints?)\W*$/;

/**
 * Round 15: "better than the general models you can just download": what the compared things
 * are, not a request for the paper's code.
 */
const DOWNLOADABLE_COMPARED =
  /\b(?:than|versus|against|like|over) (?:the |other |any )?(?:[\w-]+ ){0,3}(?:models?|tools?|systems?|ones|checkpoints|apps?|software|llms?) (?:that |which )?(?:you|we|anyone|people|one|i) can (?:just |easily |freely |already )?(?:download|grab|get)\b/g;

/** Round 15: "sparsity level?", "learning rate?": a terse question for a number. */
const TERSE_AMOUNT =
  /^(?:and |so )?(?:the |their |its )?(?:[a-z][\w-]* ){1,2}(?:levels?|ratios?|rates?|percentages?|fractions?|proportions?)\W*$/;

/**
 * Round 17 (rules16's ask; tuning, held out 8): "what's the top-1 on ImageNet?", "imagenet
 * top-1?": a top-k accuracy is a number asked for, so a paper that gives none does not say it.
 */
const TOP_K_ASKED = /\btop-?[15]\b/;

/**
 * Round 17 (held out 1, 3, 21): "what resolution are the generated videos?", "What batch size do
 * they use?", "what is the magnet strength of the scanner?": a setting asked for by the name of
 * its measure is a number asked for. Not "what learning rate schedule", which asks for a kind.
 */
const SETTING_ASKED =
  /^(?:and |so )?(?:what|which)(?:'s| is| was| are| were)? (?:the |their |its )?(?:[\w-]+ )?(?:resolutions?|batch sizes?|learning rates?|strengths?|temperatures?|epochs?)(?= (?:do|does|did|are|is|was|were|of|for|in|at)\b|\W*$)/;

/**
 * Round 17 (held out 8, 21): "compute used?", "what compute does running it need?", "do you need a
 * supercomputer to run it?": the machines it takes, asked in everyday words. Not "more compute" or
 * "scaling compute", which ask about the results of spending it.
 */
const COMPUTE_ASKED =
  /^(?:and |so )?(?:the |their )?compute (?:used|needed|required)\W*$|\bwhat compute (?:does|do|did|is|was|are|were)\b|\b(?:need|needs|require|requires|required) (?:a |an )?(?:supercomputers?|(?:gpu |compute )clusters?)\b/;

/**
 * Round 17 (rules16's ask; held out 15, 16): "are there settings where it hurts or fails to
 * help?", "did it ever break anything or fail in the real world?": where it goes wrong, its
 * limitations.
 */
const WHERE_IT_FAILS =
  /\b(?:settings?|cases?|situations?|scenarios?|conditions?|regimes?) (?:where|when|in which) (?:[\w-]+ ){1,3}?(?:hurts?|fails?|breaks?|backfires?|degrades?)\b|\b(?:does|do|did) (?:it|they|this|that) ever (?:[\w-]+ )?(?:break|fail|hurt|backfire)\b/;

/** Round 15: "did they do anything to make the latents easier?": how they did it. */
const DID_ANYTHING_TO =
  /\b(?:did|do|does) (?:they|it|the authors) (?:also )?do (?:anything|something) (?:to|about|for)\b/;

/** Round 15: "ensembling helped me - did they see that too?": whether the paper found it, a result. */
const DID_THEY_SEE =
  /\b(?:did|do|does) (?:they|it|the authors) (?:also )?(?:see|find|observe|notice|get|report) (?:that|this|the same|it|something similar)(?: too| as well)?\b/;

/** Round 15: "what does LoRA from chatbots have to do with sharper images?": the connection, a reason. */
const HAVE_TO_DO_WITH = /\bwhat (?:does|do|did) .* have to do with\b/;

/**
 * Round 15: "what does a voice product need from the serving layer to feel live?": what a use
 * asks of the tools, the problem the paper starts from (not how the method works).
 */
const WHAT_X_NEEDS =
  /\bwhat (?:does|do|would|will) (?:a|an|the|your|our|any) (?:[\w-]+ ){1,3}(?:need|require|want) (?:from|to|in order to)\b/;

/**
 * Round 16 (held out 4, 19, 22): "what's still hard for the models?", "in which situations does
 * it still fail?", "what does it still get wrong?": what remains unsolved after the paper, its
 * limitations, not the problem it sets out to solve.
 */
const STILL_FAILS =
  /\bwhat(?:'s| is| are)? still (?:hard|difficult|challenging|unsolved)\b|\b(?:does|do|did|would|will) (?:it|they|this|that|the [\w-]+) still (?:get wrong|fail|struggle|break)\b|\b(?:situations?|cases?|settings?|scenarios?) (?:(?:does|do|did) )?(?:it|they|this|[\w-]+) still (?:fails?|struggles?|breaks?)\b/;

/** Round 15: "is this the first time anyone used X?", "are they the first to …": novelty. */
const FIRST_TIME =
  /\b(?:the )?first (?:time|ever|paper|work|one|study)\b|\b(?:are|were|is|was) (?:they|it|this|the authors) the first\b/;

/** Round 15: "is this meant for real-time apps?": the use the paper aims at. */
const MEANT_FOR =
  /\b(?:is|was|are) (?:it|this|that|they|the [\w-]+) (?:really |mainly |mostly |only |just )?(?:meant|intended|designed|built|made|aimed) (?:for|at)\b/;

/**
 * Round 15: "on weak hardware", "small chips": the modesty of the hardware asks whether it is
 * light enough, not which hardware it runs on.
 */
const MODEST_HARDWARE =
  /\b(?:weak|small|tiny|cheap|low-end|low-power|modest|limited|constrained|resource-constrained|budget|underpowered) (?:hardware|chips?|devices?|gpus?|cpus?|phones?|processors?|machines?|laptops?)\b/;

/** "What hardware", "which GPUs": the hardware itself asked. */
const WHICH_HARDWARE =
  /\b(?:what|which) (?:kind of |type of |sort of )?(?:hardware|chips?|devices?|gpus?|cpus?|processors?)\b/;

/**
 * Round 15: "why are video generators so slow?", "why don't the existing tricks work on LLMs?":
 * a why of a fault, which the problem the paper starts from answers.
 */
const WHY_FAULT =
  /^(?:and |so |but )?why (?:is|are|was|were|do|does|did) .*\bso (?:slow|expensive|costly|hard|difficult|bad|inefficient|weak|poor|unreliable|brittle|fragile|limited|inaccurate)\b|^(?:and |so |but )?why (?:do|does|did|would|can|could|will) not (?:the |these |those |such )?(?:existing|current|prior|previous|other|old|older|standard|usual|classic|traditional|conventional|today's)\b|^(?:and |so |but )?why (?:cannot|can not) (?:the |these |those |such )?(?:existing|current|prior|previous|other|old|older|standard|usual|classic|traditional|conventional|today's)\b/;

/**
 * Round 15: "which persona do the other frameworks use?", "the existing sparse methods, …": what
 * others do, which abstracts state as the background the paper turns on.
 */
const OTHERS_SUBJECT =
  /\b(?:the |these |those )?(?:other|existing|prior|previous|current|today's|earlier|older|traditional|conventional|standard|usual|classic) (?:[\w-]+ ){0,2}(?:methods|approaches|tools|frameworks|systems|models|techniques|tricks|works|solutions|pipelines)\b/;

/** Intents with which what others do is asked as the background. */
const BACKGROUND_INTENTS = new Set<Intent>(["other", "method", "definition", "proposal", "problem"]);

/**
 * Round 15 (held out 17): "does the reshaping step add computational overhead?": what it costs,
 * which the paper's results state ("at negligible overhead").
 */
const ADDS_OVERHEAD =
  /\b(?:add|adds|added|adding|introduce|introduces|bring|brings|cause|causes) (?:any |much |extra |additional |significant |some |noticeable |a lot of )?(?:[\w-]+ )?overheads?\b/;

/** Round 15: kind words that end a term ("world model", "DSD task"). */
const TERM_HEADS = new Set(["model", "models", "task", "tasks"]);

/**
 * Round 15 (held out 20): "what's the point of rolling forward and then generating backwards?":
 * why a step is there (the reason), not what the paper proposes ("what's the point of this paper?"
 * still is).
 */
const POINT_OF_STEP =
  /\bwhat (?:is|was) (?:the|their) (?:whole )?(?:point|purpose) of (?!(?:this|the|their|it|its)\b(?: (?:paper|work|study|method|approach|framework|model))?\W*$)(?:[\w-]+ ){0,2}[\w-]+/;

/**
 * Round 15 (held out 20): "Which metric is used to evaluate X?", "on which criteria is it
 * assessed?": how results are measured, not the data they are measured on.
 */
const METRIC_ASKED = /\b(?:what|which) (?:[\w-]+ )?(?:metrics?|criteria|criterion)\b/;

/** Round 15 (held out 20): "learned kernels effect?": what a thing does to the results. */
const EFFECT_OF = /\b(?:effects?|impacts?)\W*$/;

/**
 * Round 15 (held out 20): "Who had already shown that X?", "what was already known about X?":
 * the earlier work the paper starts from, told where it sets out its problem.
 */
const ALREADY_KNOWN =
  /^(?:(?:and|so|but) )?(?:who (?:had |has |have )?(?:already |first |previously |earlier )?(?:shown|showed|found|proven|demonstrated|established)|what (?:was|is|had been|has been) (?:already |previously )?known)\b/;

/** Round 15 (held out 20): "what would we actually use this for?": its applications. */
const USE_IT_FOR =
  /\bwhat (?:would|could|can|might|do|should) (?:we|i|you|people|one|anyone|teams) (?:actually |really |even )?use (?:it|this|that|them|these)(?: \w+)? for\b/;

/**
 * Round 15 (held out 20): "what's a 'world model', like the AI imagining what happens next?": the
 * words of the quoted term and of the reader's guess after the comma say nothing of the kind of
 * answer, so they do not keep the question from being a definition.
 */
function inTermOrGuess(q: Question, w: { lower: string }): boolean {
  if (q.figurative.has(w.lower)) return true;
  const quoted = [...q.text.matchAll(/['"]([^'"]{2,60})['"]/g)].map((m) => ` ${m[1]} `);
  if (quoted.some((t) => t.includes(` ${w.lower} `))) return true;
  // "what's an FFT, and why is it slow?" asks a second question after the comma, no guess.
  const comma = q.text.indexOf(",");
  const after = q.text.slice(comma + 1);
  return comma > 0 && !/^\s*(?:and|but|or|so)\b/.test(after) && ` ${after} `.includes(` ${w.lower} `);
}

/** Words that ask whether code, data or weights can be had. */
const AVAILABILITY = /\b(open|public\w*|available|released?|link|url|download\w*|where can)\b/;

/** Intents a restatement may carry and still be read as asking for the main idea. */
const IDEA_INTENTS = new Set<Intent>(["other", "proposal", "method", "definition"]);

/** "What does X mean?" says the kind of answer with "mean": it is still a definition. */
const MEANING_WORDS = /^(mean|means|meaning)$/;
// "What does Wide Research mean?": the method pattern's "what does X <verb>" takes "Research".
const ASKS_MEANING = /\bwhat (does|do) .* mean\b/;

/**
 * Frames that change what a question asks for, tried in this order after the kind words are read:
 * when a frame holds, the intents it rules out are dropped and the ones it asks for set at weight 1.
 * A frame sees the weights read so far, so a later frame can depend on an earlier one's outcome.
 */
interface Reframe {
  when: (q: Question, weights: IntentWeights) => boolean;
  /** Intents the frame rules out; "all" clears every one. */
  drop?: readonly Intent[] | "all";
  /** Intents the frame asks for, each at weight 1. */
  set?: readonly Intent[];
}

const says =
  (...patterns: RegExp[]) =>
  (q: Question) =>
    patterns.some((p) => p.test(q.text));

const REFRAMES: readonly Reframe[] = [
  // "What does mode collapse look like?": a term shown, not how the method works.
  { when: (q) => LOOKS_LIKE.test(q.text) && q.focus.length > 0, drop: ["method"], set: ["definition"] },
  { when: (q, w) => Boolean(q.measure) && !w.has("quantity"), set: ["quantity"] },
  { when: says(TERSE_AMOUNT), set: ["quantity"] },
  // "Can you control how long each token lasts?": whether, not how long (WHETHER_HOW_MUCH).
  { when: says(WHETHER_HOW_MUCH), drop: ["quantity"] },
  { when: says(DID_ANYTHING_TO), set: ["method"] },
  { when: says(DID_THEY_SEE, ADDS_OVERHEAD), set: ["results"] },
  { when: says(HAVE_TO_DO_WITH), drop: ["method"], set: ["reason"] },
  { when: says(WHAT_X_NEEDS), drop: ["method"], set: ["problem"] },
  { when: says(FIRST_TIME), set: ["proposal"] },
  { when: says(STILL_FAILS), drop: ["problem", "proposal"], set: ["limitations"] },
  { when: says(WHERE_IT_FAILS), drop: ["other"], set: ["limitations"] },
  { when: says(TOP_K_ASKED, SETTING_ASKED), drop: ["other"], set: ["quantity"] },
  { when: says(COMPUTE_ASKED), drop: ["other"], set: ["hardware"] },
  { when: says(MEANT_FOR), set: ["proposal"] },
  {
    when: (q) => MODEST_HARDWARE.test(q.text) && !WHICH_HARDWARE.test(q.text),
    drop: ["hardware"],
    set: ["results"],
  },
  // In a comparison the others' methods are what it is compared with, not a method question.
  {
    when: (q, w) =>
      w.has("comparison") && w.has("method") && !METHOD_PATTERN.test(q.text.replace(OTHERS_METHODS, " ")),
    drop: ["method"],
  },
  {
    when: (q, w) =>
      OTHERS_SUBJECT.test(q.text) &&
      !/\bdifferen/.test(q.text) &&
      [...w.keys()].every((i) => BACKGROUND_INTENTS.has(i)),
    set: ["problem"],
  },
  { when: says(DOES_IT_HELP, DOES_IT_FIX), set: ["results"] },
  { when: says(FAULT_ABOUT), drop: ["proposal", "datasets"], set: ["problem"] },
  { when: says(CAN_DO_THAT), set: ["comparison", "proposal"] },
  { when: says(SHOULD_WE_SWITCH), set: ["comparison", "results"] },
  { when: says(DIFFERENCE_FROM_EARLIER), set: ["proposal"] },
  { when: says(DISTINGUISHES), drop: ["datasets"], set: ["definition"] },
  { when: (q) => EQUALS_WHAT.test(q.text) && q.focus.length > 0, set: ["definition"] },
  { when: says(DEFINED_HOW), drop: ["method", "results", "datasets", "quantity"], set: ["definition"] },
  { when: says(POINT_OF_STEP), drop: ["proposal"], set: ["reason"] },
  { when: says(METRIC_ASKED), drop: ["datasets"], set: ["results"] },
  { when: says(EFFECT_OF), set: ["results"] },
  { when: says(ALREADY_KNOWN), drop: ["results"], set: ["problem"] },
  { when: says(USE_IT_FOR), set: ["proposal"] },
  // "What limits the scalability of X?" asks what holds it back (the problem), not for the
  // paper's own limitations.
  { when: says(WHAT_LIMITS), drop: ["limitations"], set: ["problem"] },
  // "Is this like a flight simulator for coding bots?" asks what it is and how it works; the
  // analogy's words ("the final score") say nothing of the kind of answer.
  { when: says(ANALOGY), drop: "all", set: ["proposal", "method"] },
  // "What do these bots run on under the hood?" asks what they are built on, not their hardware.
  { when: says(UNDER_THE_HOOD), drop: ["hardware"], set: ["method"] },
  // "So it learns from how devs fix bugs on GitHub?": a restatement names where the data comes
  // from; it asks for code only with a word of availability.
  { when: (q) => STATEMENT_CHECK.test(q.text) && !AVAILABILITY.test(q.text), drop: ["code"] },
  { when: says(IDEA_PARAPHRASE), drop: "all", set: ["proposal", "method"] },
  {
    when: (q, w) =>
      !IDEA_PARAPHRASE.test(q.text) &&
      ((STATEMENT_CHECK.test(q.text) && [...w.keys()].every((i) => IDEA_INTENTS.has(i))) ||
        INSTEAD_RESTATED.test(q.text)),
    drop: ["other"],
    set: ["proposal", "method"],
  },
  { when: says(DATA_ORIGIN, TAKEN_FROM), drop: ["reason"], set: ["datasets"] },
];

function reframe(q: Question, weights: IntentWeights): void {
  for (const { when, drop, set } of REFRAMES) {
    if (!when(q, weights)) continue;
    if (drop === "all") weights.clear();
    else for (const intent of drop ?? []) weights.delete(intent);
    for (const intent of set ?? []) weights.set(intent, 1);
  }
}

/**
 * Weights of every intent the question shows (1 each, a "how much faster" result also counts as a
 * quantity). No pattern at all reads as "what do they propose", the question a reader means by
 * "so?" or "what is this?".
 */
export function intentWeights(q: Question): IntentWeights {
  const weights: IntentWeights = new Map();
  for (const [intent, pattern, weight] of PATTERNS) if (pattern.test(q.text)) weights.set(intent, weight);
  // "Is this a big rewrite of my GRPO code?": the reader's own code, not a release asked for.
  const codeText = q.text.replace(READERS_CODE, " ").replace(DOWNLOADABLE_COMPARED, " ");
  if (CODE.test(codeText) || (CODE_WORDS.test(codeText) && weights.size === 0) || TERSE_RELEASE.test(q.text))
    weights.set("code", 1);
  if (ASKS_MEANING.test(q.text)) weights.delete("method");
  if (
    weights.has("datasets") &&
    !DATASETS_PATTERN.test(q.text.replace(COMPARED_DATA, " ").replace(DATA_WITH_PROBLEM, " problem "))
  )
    weights.delete("datasets");
  // "What does '3Dfy' mean, you turn a photo into 3D?": the reader's guess after "mean" ("turn")
  // says nothing of the kind of answer.
  const meaning = MEANING_CLAUSE.exec(q.text)?.[1];
  // "What's an FFT, and why is it slow here?": the second part's kind words ("slow") say nothing
  // of the first's.
  const firstPart = new Set(
    words(q.text.split(/,\s*(?:and|but)\b|\?\s+(?=\S)/)[0] ?? "").map((w) => w.lower),
  );
  const inMeaning = (w: { lower: string }) =>
    meaning === undefined ? firstPart.has(w.lower) : ` ${meaning} `.includes(` ${w.lower} `);
  // "What is a world model?", "what is the DSD task?": "model" or "task" after a word of the
  // subject is part of the term asked about, not the kind of answer.
  const inTerm = (w: Word) =>
    TERM_HEADS.has(w.lower) && q.focus.some((f) => q.words.indexOf(f) === q.words.indexOf(w) - 1);
  if (
    DEFINITION.test(q.text) &&
    q.focus.length &&
    q.kindWords.every((w) => MEANING_WORDS.test(w.lower) || !inMeaning(w) || inTerm(w) || inTermOrGuess(q, w))
  )
    weights.set("definition", 1);
  reframe(q, weights);
  // "Why does it outperform X?" asks for the reason, not the result.
  if (/^(and |so |but )?(why|how come)\b/.test(q.text)) {
    for (const intent of [...weights.keys()])
      if (intent !== "reason" && intent !== "problem") weights.delete(intent);
    weights.set("reason", 1);
    if (WHY_NOT_JUST.test(q.text)) weights.set("comparison", 1);
    if (WHY_FAULT.test(q.text)) weights.set("problem", 1);
  }
  // "What is the main finding?": the claim the paper is about, told as its objective or a result.
  if (
    /\b(main|key|central|headline|provocative|controversial|bold|boldest|biggest|strongest|surprising) (finding|result|takeaway|claim)s?\b|\btakeaway\b|\bheadline\b/.test(
      q.text,
    )
  )
    weights.set("proposal", 0.5);
  // "The main takeaway", "one thing to take away": what the paper found, a result above all.
  if (/\btakeaways?\b/.test(q.text)) weights.set("results", 1);
  // No kind of answer recognized: ranked by the question's own words ("other"); with no words of
  // its own either ("so?", "tell me more") it asks what the paper proposes.
  if (weights.size === 0) weights.set(q.focus.length ? "other" : "proposal", 1);
  return weights;
}

/** The intent that names the answer (for display and the JSON output). */
export function mainIntent(weights: IntentWeights, q?: Question): Intent {
  if (q && /^(and )?why\b/.test(q.text) && weights.has("reason")) return "reason";
  for (const intent of PRIORITY) if (weights.has(intent)) return intent;
  return "proposal";
}

// When several intents match, the narrow one says more about the answer than the broad one.
const PRIORITY: Intent[] = [
  "code",
  "limitations",
  "hardware",
  "datasets",
  "quantity",
  "comparison",
  "reason",
  "results",
  "problem",
  "method",
  "definition",
  "proposal",
  "other",
];

/** How a decline names what is missing when no word of the question does. */
export const INTENT_PHRASE: Record<Intent, string> = {
  proposal: "what it proposes",
  problem: "what problem it addresses",
  method: "how the method works",
  results: "what results it reports",
  comparison: "how it compares",
  datasets: "which datasets or benchmarks it uses",
  quantity: "the number you ask for",
  hardware: "what hardware it runs on",
  limitations: "its limitations",
  code: "where its code is",
  reason: "why",
  definition: "that",
  other: "that",
};
