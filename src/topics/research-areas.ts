/**
 * Research areas of machine learning as a whole, each with the key phrases that say a paper is
 * about it: the roundup's first pass groups a day's papers by these areas (see `areas.ts` and
 * docs/topics.md). Written from the subject areas of the field's venues, named per family below,
 * not from any day of papers; reviewed as data. To add an area, give it a label a researcher would
 * write as a heading (a noun phrase of 1–4 words) and phrases that rarely mean anything else.
 *
 * - `phrases`: comma-separated, matched case-insensitively on word stems (so "agents" also matches
 *   "agent"), in a paper's title (weight 3), the source's summary (1) and abstract (1).
 * - `hints`: words that support an area but say little alone ("benchmark", "video"): a third of
 *   the weight.
 * - `requires`: when given, the area applies only to papers that contain one of these phrases
 *   ("RL for LLMs" needs a language model in the paper; a robot's RL paper is not about LLMs).
 * - `pool`: the family's areas share one topic under the family's label ("Model efficiency")
 *   unless the family is too large for one heading; false for a family that is only a shelf for
 *   unrelated areas (each of its areas is then a topic of its own).
 * - `source`: where the family's areas come from (venue subject areas, surveys).
 */
import type { FamilySpec } from "./areas.js";

export const RESEARCH_AREAS: readonly FamilySpec[] = [
  {
    id: "agents",
    label: "Agents and tool use",
    pool: true,
    source: `
      ACL 2025 track 'Language Modeling' and survey taxonomies of LLM agents (Wang et al. 2024, 'A
      survey on large language model based autonomous agents'; Xi et al. 2023)`,
    areas: [
      {
        id: "agents",
        label: "LLM agents",
        phrases: `
          LLM agent, LLM agents, language agent, language agents, agentic, autonomous agent,
          autonomous agents, AI agent, AI agents, agent benchmark, agent framework, agentic workflow,
          agent`,
        hints: `environment, environments, long-horizon, interactive, trajectories`,
        requires: `
          LLM, LLMs, language model, language models, large language model, foundation model, GPT,
          reasoning model, MLLM, MLLMs, VLM, VLMs, multimodal large language model, agentic, tool,
          tools, web`,
      },
      {
        id: "tool-use",
        label: "Tool use",
        phrases: `
          tool use, tool calling, tool call, tool calls, function calling, tool-augmented, tool
          learning, tool-integrated, API calls, model context protocol, tool-using`,
        hints: `tools, tool`,
      },
      {
        id: "gui-agents",
        label: "GUI agents",
        phrases: `
          GUI agent, GUI agents, graphical user interface, computer use, computer-use, computer using
          agent, computer-using agent, web agent, web agents, web navigation, mobile agent, mobile
          agents, browser agent, OS agent, smartphone, GUI`,
        hints: `screenshots, web pages, mobile, apps`,
      },
      {
        id: "deep-research",
        label: "Deep research agents",
        phrases: `
          deep research, search agent, search agents, research agent, research agents, information
          seeking, agentic search, web search, browsing agent, multi-hop search`,
        hints: `search, browsing`,
      },
      {
        id: "multi-agent",
        label: "Multi-agent systems",
        phrases: `
          multi-agent, multi-agent system, multi-agent systems, multiagent, agent collaboration, agent
          communication, multi-agent debate, agent society, agent-based modeling`,
        hints: `debate, collaboration`,
      },
      {
        id: "agent-memory",
        label: "Agent memory",
        phrases: `
          agent memory, memory agent, long-term memory, episodic memory, memory management, memory
          module, self-evolving agent, self-evolving agents, skill library`,
        hints: `memory, skills, self-evolving`,
      },
      {
        id: "swe-agents",
        label: "Software engineering agents",
        phrases: `
          software engineering, SWE-bench, SWE, issue resolution, repository-level, GitHub issues,
          coding agent, coding agents, code agent, code agents, software agents`,
        hints: `repository, repositories, codebase`,
      },
    ],
  },
  {
    id: "llm-post-training",
    label: "LLM post-training",
    pool: true,
    source: `
      stages of LLM adaptation in surveys of large language models (Zhao et al. 2023, 'A Survey of
      Large Language Models': instruction tuning, alignment tuning, RL from feedback, reasoning and
      test-time compute)`,
    areas: [
      {
        id: "rl-llm",
        label: "RL for LLMs",
        phrases: `
          reinforcement learning, RL, RLVR, verifiable rewards, verifiable reward, GRPO, PPO, DAPO,
          policy optimization, policy gradient, off-policy, rollouts, reward model, reward models,
          reward modeling, process reward, outcome reward, RLHF, RLAIF, advantage estimation, entropy
          collapse, RL training, RL post-training`,
        hints: `reward, rewards, policy, exploration, KL divergence`,
        requires: `
          LLM, LLMs, language model, language models, large language model, foundation model, GPT,
          reasoning model, MLLM, MLLMs, VLM, VLMs, multimodal large language model, reasoning,
          chain-of-thought, RLVR, GRPO, post-training`,
      },
      {
        id: "preference",
        label: "Preference alignment",
        phrases: `
          preference optimization, DPO, direct preference optimization, preference data, human
          preferences, preference learning, pairwise preferences, alignment tuning, RLHF, reward
          hacking, human feedback`,
        hints: `alignment, preference, preferences`,
      },
      {
        id: "sft",
        label: "Instruction tuning",
        phrases: `
          supervised fine-tuning, SFT, instruction tuning, instruction-tuned, instruction following,
          instruction-following, instruction data, fine-tuning data`,
        hints: `fine-tuning, finetuning, instructions`,
      },
      {
        id: "reasoning",
        label: "LLM reasoning",
        phrases: `
          chain-of-thought, CoT, reasoning model, reasoning models, large reasoning model, large
          reasoning models, LRM, LRMs, long chain-of-thought, reasoning traces, reasoning trace,
          overthinking, reasoning chains, step-by-step reasoning, self-reflection, self-verification,
          latent reasoning, reasoning capabilities, reasoning ability, complex reasoning`,
        hints: `reasoning, thinking, verification`,
      },
      {
        id: "test-time",
        label: "Test-time scaling",
        phrases: `
          test-time scaling, test-time compute, inference-time scaling, inference-time compute,
          self-consistency, majority voting, parallel sampling, test-time training, parallel thinking,
          sequential scaling`,
        hints: `test-time, inference-time`,
      },
    ],
  },
  {
    id: "language-modeling",
    label: "Language modeling",
    pool: true,
    source: `
      ACL 2025 track 'Language Modeling' and ICLR 2025 primary area 'foundation or frontier models,
      including LLMs'`,
    areas: [
      {
        id: "pretraining",
        label: "LLM pre-training",
        phrases: `
          LLM pretraining, LLM pre-training, language model pretraining, language model pre-training,
          pretraining corpus, pre-training corpus, pretraining recipe, pre-training recipe, scaling
          law, scaling laws, pretraining data, pre-training data, data mixture, compute-optimal,
          next-token prediction, training dynamics, pretrained from scratch, continued pretraining,
          mid-training`,
        hints: `pre-training, pretraining, corpus, tokens`,
      },
      {
        id: "data",
        label: "Training data",
        phrases: `
          synthetic data, data synthesis, data generation, data curation, data selection, data
          filtering, data quality, dataset distillation, data augmentation, data pipeline, data
          recipe, data scaling, synthetic tasks`,
        hints: `dataset, datasets, annotation, curated, training data`,
      },
      {
        id: "tokenization",
        label: "Tokenization",
        phrases: `
          tokenizer design, tokenizer training, tokenization scheme, tokenization schemes, subword
          tokenization, tokenization-free, BPE, byte pair encoding, byte-level, vocabulary size,
          subword`,
        hints: `tokenizer, tokenizers, tokenization`,
      },
      {
        id: "architecture",
        label: "Model architectures",
        phrases: `
          transformer architecture, state space model, state space models, SSM, Mamba, linear
          attention, recurrent, RNN, mixture of experts, mixture-of-experts, MoE, positional encoding,
          position encoding, position embedding, RoPE, looped transformer, looped transformers, hybrid
          architecture, attention heads, residual stream, layer normalization`,
        hints: `architecture, architectures, transformer, transformers, layers`,
      },
      {
        id: "long-context",
        label: "Long context",
        phrases: `
          long context, long-context, context window, context length, context extension, length
          generalization, needle-in-a-haystack, long sequences, long inputs`,
        hints: `context`,
      },
      {
        id: "diffusion-lm",
        label: "Diffusion language models",
        phrases: `
          diffusion language model, diffusion language models, dLLM, dLLMs, masked diffusion model,
          masked diffusion models, discrete diffusion, diffusion LLM, diffusion LLMs, block diffusion,
          masked diffusion`,
      },
      {
        id: "knowledge",
        label: "Knowledge in LLMs",
        phrases: `
          knowledge editing, knowledge conflicts, parametric knowledge, factual knowledge, knowledge
          injection, continual knowledge`,
        hints: `knowledge`,
      },
    ],
  },
  {
    id: "code",
    label: "Code and software",
    pool: true,
    source: `ACL 2025 and ICSE topics on code generation and program repair; arXiv cs.SE`,
    areas: [
      {
        id: "code-gen",
        label: "Code generation",
        phrases: `
          code generation, program synthesis, code LLM, code LLMs, code language model, code
          completion, unit tests, test generation, code review, programming, competitive programming,
          LeetCode, HumanEval, code repair, program repair, bug fixing, bugs, code models, coding
          tasks, code snippets`,
        hints: `programs, program`,
      },
      {
        id: "kernels",
        label: "GPU kernel generation",
        phrases: `
          CUDA kernel, CUDA kernels, kernel generation, Triton, GPU kernels, kernel optimization,
          compiler, compilers`,
        hints: `kernel, kernels`,
      },
      {
        id: "vuln",
        label: "Software security",
        phrases: `
          vulnerability detection, software vulnerabilities, vulnerability-fix, malware, security
          patches, CVE, fuzzing`,
        hints: `security, vulnerability, vulnerabilities`,
      },
    ],
  },
  {
    id: "math",
    label: "Math and theorem proving",
    pool: true,
    source: `arXiv math.LO/cs.LO and AITP topics; mathematical reasoning benchmarks in LLM surveys`,
    areas: [
      {
        id: "theorem-proving",
        label: "Theorem proving",
        phrases: `
          theorem proving, formal proof, formal proofs, Lean prover, autoformalization, formal
          verification, proof assistant, Isabelle, Coq, formal mathematics`,
        hints: `proof, proofs, formal, theorems, Lean`,
      },
      {
        id: "math-reasoning",
        label: "Mathematical reasoning",
        phrases: `
          mathematical reasoning, math reasoning, math problems, mathematical problems, olympiad,
          GSM8K, MATH benchmark, geometry problems, competition math, mathematics, mathematical`,
        hints: `math`,
      },
    ],
  },
  {
    id: "efficiency",
    label: "Model efficiency",
    pool: true,
    source: `
      ACL 2025 track 'Efficient/Low-Resource Methods for NLP', CVPR 2025 topic 'Efficient and scalable
      vision', MLSys topics`,
    areas: [
      {
        id: "quantization",
        label: "Quantization",
        phrases: `
          quantization, quantized, quantize, low-bit, INT4, INT8, FP8, FP4, NVFP4, MXFP4, bit-width,
          post-training quantization, PTQ, QAT, quantization-aware training, binarization, binary
          neural network, mixed-precision`,
        hints: `precision, bits`,
      },
      {
        id: "pruning-sparsity",
        label: "Pruning & sparsity",
        phrases: `
          pruning, pruned, prune, sparsity, sparse training, structured sparsity, unstructured
          sparsity, lottery ticket, sparse neural network, sparse neural networks, sparse networks,
          activation sparsity, weight sparsity, layer pruning, dynamic sparse training, sparse models,
          sparse model`,
        hints: `sparse`,
      },
      {
        id: "efficient-attention",
        label: "Efficient attention",
        phrases: `
          sparse attention, efficient attention, attention sparsity, FlashAttention, sliding window
          attention, block-sparse attention, sparse linear attention, attention mask, attention
          computation, quadratic complexity`,
        hints: `attention`,
      },
      {
        id: "kv-cache",
        label: "KV cache compression",
        phrases: `
          KV cache, key-value cache, cache compression, cache eviction, token eviction, context
          compression, prompt compression, KV-cache`,
        hints: `cache`,
      },
      {
        id: "token-compression",
        label: "Token compression",
        phrases: `
          token pruning, token merging, token compression, token reduction, visual token compression,
          vision token, visual tokens, token dropping, redundant tokens`,
      },
      {
        id: "decoding",
        label: "Fast decoding",
        phrases: `
          speculative decoding, draft model, parallel decoding, decoding acceleration, early exit,
          multi-token prediction, decoding speed, inference acceleration`,
        hints: `speedup, acceleration, accelerate, accelerating, faster`,
      },
      {
        id: "distillation",
        label: "Knowledge distillation",
        phrases: `
          knowledge distillation, distillation, distilled, distill, teacher model, student model,
          teacher-student`,
        hints: `teacher, student`,
      },
      {
        id: "serving",
        label: "LLM serving",
        phrases: `
          LLM serving, model serving, serving system, serving systems, inference serving, inference
          engine, continuous batching, request scheduling, GPU utilization, disaggregated, vLLM,
          time-to-first-token, streaming inference`,
        hints: `latency, deployment, throughput`,
      },
      {
        id: "optimizers",
        label: "Optimizers",
        phrases: `
          optimization algorithm, optimization algorithms, optimizer states, adaptive optimizers,
          second-order optimizer, Adam, AdamW, Muon, Shampoo, SGD, stochastic gradient descent,
          learning rate, learning rates, learning rate schedule, preconditioning, preconditioner,
          second-order optimization, gradient descent, weight decay, momentum, manifold optimization,
          hyperparameter transfer`,
        hints: `optimization, convergence, gradient`,
      },
      {
        id: "efficient-training",
        label: "Efficient training",
        phrases: `
          training efficiency, efficient training, low-precision training, memory-efficient,
          parameter-efficient fine-tuning, parameter-efficient, PEFT, LoRA, low-rank adaptation,
          gradient checkpointing, progressive training, model growth, training cost, compute budget`,
        hints: `efficient, efficiency`,
      },
      {
        id: "systems",
        label: "ML systems",
        phrases: `
          GPU, GPUs, hardware accelerators, FPGA, hardware, CUDA, kernel fusion, distributed training,
          data parallelism, pipeline parallelism, tensor parallelism, communication overhead, edge
          devices, edge computing, energy consumption, energy-efficient, dataflow, memory bandwidth,
          tensor cores`,
        hints: `memory, compute`,
      },
      {
        id: "compression",
        label: "Model compression",
        phrases: `
          model compression, network compression, compressed model, low-rank approximation, low-rank
          decomposition, low-rank structure, weight sharing, compact model, low-rank`,
        hints: `compression, compress, compact`,
      },
    ],
  },
  {
    id: "evaluation",
    label: "Evaluation and benchmarks",
    pool: true,
    source: `ACL 2025 track 'Resources and Evaluation'; NeurIPS Datasets and Benchmarks track`,
    areas: [
      {
        id: "llm-eval",
        label: "LLM evaluation",
        phrases: `
          leaderboard, evaluation protocol, evaluation framework, data contamination, contamination,
          capability evaluation, human evaluation, evaluation suite, evaluation benchmark, new
          benchmark, comprehensive benchmark`,
        hints: `benchmark, benchmarks, evaluation, evaluate, evaluating, evaluated`,
      },
      {
        id: "llm-judge",
        label: "LLM judges",
        phrases: `
          LLM-as-a-judge, LLM judges, LLM judge, judge model, judge models, automatic evaluation,
          rubric, rubrics, grading`,
        hints: `judge, judges, judgments`,
      },
    ],
  },
  {
    id: "trust",
    label: "Trustworthy AI",
    pool: true,
    source: `
      ICLR 2025 primary area 'alignment, fairness, safety, privacy, and societal considerations'; ACL
      2025 track 'Ethics, Bias, and Fairness'`,
    areas: [
      {
        id: "safety",
        label: "LLM safety",
        phrases: `
          safety, harmful, harmlessness, jailbreak, jailbreaks, jailbreaking, red teaming,
          red-teaming, guardrail, guardrails, safeguard, safeguards, refusal, unsafe, toxicity, toxic,
          content moderation, safety alignment`,
        hints: `risk, risks, safe`,
      },
      {
        id: "misalignment",
        label: "Misalignment & oversight",
        phrases: `
          misalignment, emergent misalignment, deception, deceptive, sycophancy, oversight, scalable
          oversight, AI control, honesty, reward hacking`,
        hints: `monitoring, aligned`,
      },
      {
        id: "adversarial",
        label: "Adversarial robustness",
        phrases: `
          adversarial attack, adversarial attacks, adversarial examples, adversarial robustness,
          adversarial, backdoor, backdoors, poisoning, data poisoning, prompt injection, attack
          success rate, certified robustness, defense, defenses, attacker, attacks`,
        hints: `robustness, attack`,
      },
      {
        id: "privacy",
        label: "Privacy",
        phrases: `
          privacy, differential privacy, differentially private, membership inference, data leakage,
          PII, memorization, unlearning, machine unlearning, private data`,
        hints: `private, leakage`,
      },
      {
        id: "fairness",
        label: "Fairness & bias",
        phrases: `
          algorithmic fairness, group fairness, fair machine learning, social bias, social biases,
          stereotypes, stereotype, demographic, gender bias, culturally, cultural, cultures, bias
          mitigation, debiasing`,
        hints: `bias, biases`,
      },
      {
        id: "forensics",
        label: "AI-generated content detection",
        phrases: `
          watermark, watermarking, watermarks, AI-generated text, AI-generated images, AI-generated
          image, deepfake, deepfakes, synthetic image detection, generated image detection, forensic,
          forensics`,
        hints: `detection, detector`,
      },
      {
        id: "hallucination",
        label: "Hallucination",
        phrases: `
          hallucination, hallucinations, hallucinate, factuality, factual errors, fact-checking, fact
          verification, faithfulness, groundedness, misinformation, factual consistency`,
        hints: `factual`,
      },
      {
        id: "uncertainty",
        label: "Uncertainty & calibration",
        phrases: `
          uncertainty, uncertainty estimation, uncertainty quantification, calibration, calibrated,
          confidence estimation, selective prediction, abstention, conformal prediction`,
        hints: `confidence, reliable, reliability`,
      },
    ],
  },
  {
    id: "interpretability",
    label: "Interpretability",
    pool: true,
    source: `
      ICLR 2025 primary area 'interpretability and explainable AI'; ACL 2025 track 'Interpretability
      and Analysis of Models for NLP'`,
    areas: [
      {
        id: "mech-interp",
        label: "Mechanistic interpretability",
        phrases: `
          mechanistic interpretability, interpretability, interpretable, circuits, circuit discovery,
          sparse autoencoder, sparse autoencoders, superposition, probing, probes, linear
          probe, linear probes, logit lens, feature attribution, attribution methods, activation
          patching, internal representations, hidden states, explainable AI, XAI, saliency, concept
          bottleneck, internal states`,
        hints: `features, representations, activations, internal`,
      },
      {
        id: "steering",
        label: "Activation steering",
        phrases: `
          steering, activation steering, steering vectors, steering vector, representation
          engineering, activation editing, activation addition, model editing`,
        hints: `steer, activations`,
      },
    ],
  },
  {
    id: "retrieval",
    label: "Information retrieval",
    pool: true,
    source: `ACL 2025 track 'Information Retrieval and Text Mining'; ACM RecSys and SIGIR topics`,
    areas: [
      {
        id: "rag",
        label: "Retrieval-augmented generation",
        phrases: `
          retrieval-augmented generation, retrieval augmented generation, RAG, GraphRAG, retrieval
          augmentation, retrieval-augmented, retrieved documents, retrieved passages, knowledge
          retrieval`,
        hints: `retrieved`,
      },
      {
        id: "retrieval",
        label: "Retrieval",
        phrases: `
          retrieval, retriever, retrievers, dense retrieval, sparse retrieval, reranking, reranker,
          rerankers, embedding model, embedding models, text embeddings, text embedding, search
          engine, search engines, document retrieval, passage retrieval, semantic search, vector
          search, nearest neighbor search, BM25, information retrieval, multimodal retrieval,
          cross-modal retrieval`,
        hints: `search, ranking, embeddings, query, queries`,
      },
      {
        id: "recsys",
        label: "Recommendation",
        phrases: `
          recommendation, recommendations, recommender, recommender systems, recommender system,
          collaborative filtering, CTR prediction, click-through rate, user modeling, user behavior,
          sequential recommendation, generative recommendation, RecSys, user preferences`,
        hints: `users, user, item, items`,
      },
      {
        id: "knowledge-graphs",
        label: "Knowledge graphs",
        phrases: `
          knowledge graph, knowledge graphs, knowledge base, knowledge bases, entity linking, triples,
          graph retrieval`,
      },
    ],
  },
  {
    id: "nlp",
    label: "NLP applications",
    pool: true,
    source: `
      ACL 2025 tracks (Multilinguality and Language Diversity; Machine Translation; Dialogue and
      Interactive Systems; Question Answering; Summarization; Information Extraction; Generation;
      Computational Social Science; NLP Applications)`,
    areas: [
      {
        id: "multilingual",
        label: "Multilingual NLP",
        phrases: `
          multilingual, cross-lingual, crosslingual, low-resource languages, low-resource language,
          language identification, non-English, machine translation, speech translation, translation
          quality, code-switching, dialects, dialect, language varieties, African languages, Indic
          languages`,
        hints: `language, languages, lingual, Chinese, Japanese, Korean, Arabic, Hindi`,
      },
      {
        id: "dialogue",
        label: "Dialogue systems",
        phrases: `
          dialogue, dialogues, dialog, conversational agents, conversational AI, multi-turn
          conversations, chatbot, chatbots, multi-turn, persona, personas, role-play, role-playing,
          user simulator, empathy, emotional support`,
        hints: `turns`,
      },
      {
        id: "qa",
        label: "Question answering",
        phrases: `
          question answering, QA, reading comprehension, open-domain QA, multi-hop QA, multi-hop
          question answering, question generation`,
        hints: `questions, answers`,
      },
      {
        id: "summarization",
        label: "Summarization",
        phrases: `
          text summarization, abstractive summarization, extractive summarization, summarization task,
          summarization tasks, summary generation`,
        hints: `summarization`,
      },
      {
        id: "ie",
        label: "Information extraction",
        phrases: `
          information extraction, named entity recognition, NER, relation extraction, event
          extraction, slot filling, entity extraction`,
        hints: `entities, entity`,
      },
      {
        id: "text-gen",
        label: "Text generation",
        phrases: `
          creative writing, story generation, storytelling, poetry, writing assistance, controllable
          generation, long-form generation, text generation`,
        hints: `stories, story`,
      },
      {
        id: "social-nlp",
        label: "Computational social science",
        phrases: `
          social media, hate speech, sentiment, sentiment analysis, opinion, opinions, political,
          persuasion, public opinion, propaganda`,
        hints: `social`,
      },
      {
        id: "finance-law",
        label: "Finance & law",
        phrases: `finance, financial, legal, court, stock market, tax`,
      },
    ],
  },
  {
    id: "vision",
    label: "Computer vision",
    pool: true,
    source: `
      CVPR 2025 topics (Recognition; Segmentation; 3D from multi-view and sensors; Humans: face, body,
      pose; Low-level vision; Video: action and event understanding; Document analysis; Remote
      sensing; Deep learning architectures)`,
    areas: [
      {
        id: "detection-seg",
        label: "Detection & segmentation",
        phrases: `
          object detection, detector, detectors, segmentation, instance segmentation, semantic
          segmentation, panoptic segmentation, open-vocabulary, YOLO, bounding box, bounding boxes,
          segment anything, SAM, DETR`,
        hints: `detection, segment, masks`,
      },
      {
        id: "recognition",
        label: "Visual recognition",
        phrases: `
          image classification, visual recognition, fine-grained recognition, fine-grained
          classification, zero-shot classification, open-set recognition, few-shot classification,
          re-identification, face recognition, image recognition`,
        hints: `classification, recognition, ImageNet`,
      },
      {
        id: "video-understanding",
        label: "Video understanding",
        phrases: `
          video understanding, action recognition, temporal grounding, video question answering, video
          LLM, video LLMs, video language model, video language models, long video, video reasoning,
          object tracking, multi-object tracking, video frames, video MLLMs, video MLLM`,
        hints: `video, videos, temporal, frames`,
      },
      {
        id: "3d",
        label: "3D vision",
        phrases: `
          3D reconstruction, 3D, novel view synthesis, NeRF, neural radiance fields, Gaussian
          splatting, 3DGS, point cloud, point clouds, mesh, meshes, depth estimation, monocular depth,
          stereo, multi-view, SLAM, camera pose, scene reconstruction, implicit neural representation,
          implicit neural representations, occupancy, LiDAR, 3D scene, 3D scenes, 4D`,
        hints: `geometry, depth, scene, scenes`,
      },
      {
        id: "human",
        label: "Human pose & motion",
        phrases: `
          human pose, pose estimation, motion capture, human motion, hand pose, avatar, avatars,
          human-object interaction, human-object interactions, gesture, facial, humanoid motion,
          motion generation`,
        hints: `pose, motion, human`,
      },
      {
        id: "low-level",
        label: "Image restoration",
        phrases: `
          super-resolution, denoising, deblurring, image restoration, low-light, image enhancement,
          dehazing, deraining, image quality assessment, HDR`,
        hints: `restoration, degradation`,
      },
      {
        id: "image-compression",
        label: "Image & video compression",
        phrases: `
          image compression, video compression, learned compression, learned image compression, codec,
          codecs, rate-distortion, entropy coding, bitrate, JPEG`,
        hints: `coding`,
      },
      {
        id: "vision-backbones",
        label: "Vision backbones",
        phrases: `
          vision transformer, vision transformers, ViT, ViTs, convolutional neural network,
          convolutional neural networks, CNN, CNNs, ConvNet, ConvNets, convolution, convolutions,
          convolutional, feature pyramid, image encoder, vision encoder, visual encoder, visual
          representation, visual representations, receptive field, dilated convolution, depthwise
          convolution, depthwise convolutions`,
        hints: `vision, visual, image, images, backbone, backbones`,
      },
      {
        id: "document",
        label: "Document understanding",
        phrases: `
          OCR, document understanding, document parsing, text recognition, chart, charts, chart
          understanding, scientific figures, diagrams, document layout`,
        hints: `documents, document, tables, layout`,
      },
      {
        id: "remote-sensing",
        label: "Remote sensing",
        phrases: `
          remote sensing, satellite, aerial, earth observation, geospatial, geolocation,
          hyperspectral, land cover`,
      },
    ],
  },
  {
    id: "multimodal",
    label: "Multimodal understanding",
    pool: true,
    source: `
      ACL 2025 track 'Multimodality and Language Grounding to Vision, Robotics and Beyond'; CVPR 2025
      topic 'Vision, language, and reasoning'`,
    areas: [
      {
        id: "vlm",
        label: "Vision-language models",
        phrases: `
          vision-language model, vision-language models, VLM, VLMs, LVLM, LVLMs, MLLM, MLLMs,
          multimodal large language model, multimodal large language models, large multimodal model,
          large multimodal models, LMM, LMMs, visual question answering, VQA, image captioning, visual
          instruction tuning, vision-language, multimodal models, multimodal model`,
        hints: `multimodal, visual, image`,
      },
      {
        id: "mm-reasoning",
        label: "Multimodal reasoning",
        phrases: `
          multimodal reasoning, visual reasoning, visual chain-of-thought, thinking with images,
          visual math, spatial reasoning, diagram reasoning, visual thinking, multimodal
          chain-of-thought, visual perception`,
        hints: `perception`,
      },
      {
        id: "unified-mm",
        label: "Unified multimodal models",
        phrases: `
          unified multimodal, understanding and generation, omni-modal, omni model, omni models,
          interleaved`,
        hints: `unified, unified model, unified models`,
      },
      {
        id: "grounding",
        label: "Visual grounding",
        phrases: `
          visual grounding, referring expression, referring expressions, region-level, spatial
          understanding, fine-grained perception`,
        hints: `region, regions, grounding`,
      },
    ],
  },
  {
    id: "generation",
    label: "Visual generation",
    pool: true,
    source: `
      CVPR 2025 topic 'Image and video synthesis and generation'; ICLR 2025 primary area 'generative
      models'`,
    areas: [
      {
        id: "image-gen",
        label: "Image generation",
        phrases: `
          image generation, text-to-image, T2I, image synthesis, image editing, latent diffusion, DiT,
          diffusion transformer, diffusion transformers, classifier-free guidance, personalized
          generation, personalized image generation, subject-driven, style transfer, inpainting,
          visual tokenizer, autoregressive image generation, GAN, GANs, generated images, image
          generators`,
        hints: `diffusion, generative, images, editing`,
      },
      {
        id: "video-gen",
        label: "Video generation",
        phrases: `
          video generation, text-to-video, image-to-video, video diffusion, video synthesis, video
          editing, motion transfer, talking head, character animation, image animation, autoregressive
          video, long video generation, video generator, video generators, video generative, video
          diffusion models, video models`,
        hints: `video, motion`,
      },
      {
        id: "3d-gen",
        label: "3D generation",
        phrases: `
          3D generation, text-to-3D, 3D asset, 3D assets, 4D generation, 3D content, mesh generation,
          scene generation, 3D world, 3D worlds, 3D scene generation, image-to-3D`,
        hints: `3D, 4D`,
      },
      {
        id: "world-models",
        label: "World models",
        phrases: `
          world model, world models, world modeling, interactive video, game engine, game engines,
          environment simulator, playable, action-conditioned, interactive world, interactive world
          models`,
        hints: `simulation, simulator`,
        // A world model under visual generation renders what it predicts; one over an LLM agent's
        // textual states is an agents paper.
        requires: `
          video, videos, visual, image, images, pixel, pixels, frame, frames, game, games, 3D, 4D,
          scene, scenes, driving, embodied, robot, robots, robotic, camera, egocentric, rendering`,
      },
      {
        id: "diffusion",
        label: "Diffusion models",
        phrases: `
          diffusion models, diffusion model, score matching, denoising diffusion, sampling steps, ODE
          solver, consistency models, consistency model, few-step, one-step generation, flow matching,
          rectified flow, noise schedule`,
        hints: `diffusion, sampling, denoising`,
      },
    ],
  },
  {
    id: "audio",
    label: "Audio and speech",
    pool: true,
    source: `ACL 2025 track 'Speech Processing and Spoken Language Understanding'; ICASSP topic areas`,
    areas: [
      {
        id: "speech",
        label: "Speech processing",
        phrases: `
          speech, spoken, speech recognition, ASR, automatic speech recognition, text-to-speech, TTS,
          speech synthesis, voice, speaker, speech language model, speech language models, spoken
          language, speech tokenizer, speech tokenization, prosody, voice assistant`,
        hints: `acoustic`,
      },
      {
        id: "audio",
        label: "Audio & music",
        phrases: `
          audio, music, audio generation, music generation, audio language model, audio language
          models, sound separation, source separation, audio-visual, singing, sound event, audio
          tokenization, audio diffusion`,
        hints: `acoustic, noise`,
      },
    ],
  },
  {
    id: "robotics",
    label: "Robotics",
    pool: true,
    source: `
      ICLR 2025 primary area 'applications to robotics, autonomy, planning'; CoRL and ICRA topics;
      CVPR 2025 'Autonomous driving'`,
    areas: [
      {
        id: "robot-learning",
        label: "Robot learning",
        phrases: `
          robot, robots, robotic, robotics, robotic manipulation, object manipulation, manipulation
          tasks, grasping, vision-language-action, VLA, VLAs, embodied, embodied AI, humanoid,
          locomotion, dexterous, imitation learning, behavior cloning, teleoperation, sim-to-real,
          sim-real, end-effector, robot control, robot learning, action chunking`,
        hints: `policy, policies, actions, control`,
      },
      {
        id: "navigation",
        label: "Embodied navigation",
        phrases: `
          navigation, vision-language navigation, VLN, embodied navigation, path planning, exploration
          and mapping, indoor navigation`,
        hints: `mapping`,
      },
      {
        id: "driving",
        label: "Autonomous driving",
        phrases: `
          autonomous driving, self-driving, end-to-end driving, driving scenes, driving scenarios,
          autonomous vehicles, trajectory prediction, motion forecasting, traffic, BEV, bird's-eye
          view`,
        hints: `vehicle, vehicles`,
      },
    ],
  },
  {
    id: "rl",
    label: "Reinforcement learning",
    pool: true,
    source: `
      ICLR 2025 primary area 'reinforcement learning'; NeurIPS subject areas 'Reinforcement learning'
      and 'Bandits'`,
    areas: [
      {
        id: "rl-classic",
        label: "Deep reinforcement learning",
        phrases: `
          Markov decision process, Markov decision processes, MDP, MDPs, offline reinforcement
          learning, offline RL, model-based RL, model-based reinforcement learning, value function,
          Bellman, continuous control, MuJoCo, Atari, multi-agent reinforcement learning, MARL,
          actor-critic, maximum entropy RL, maximum entropy reinforcement learning, soft actor-critic,
          reward function, deep reinforcement learning`,
        hints: `reinforcement learning, RL, policy, reward, exploration`,
      },
      {
        id: "bandits",
        label: "Bandits & online learning",
        phrases: `
          bandit, bandits, multi-armed bandit, regret, online learning, contextual bandits, regret
          bound`,
      },
      {
        id: "games",
        label: "Game playing",
        phrases: `games, chess, poker, Minecraft, video games, game-playing, board games, Nash equilibrium`,
        hints: `game`,
      },
    ],
  },
  {
    id: "science",
    label: "AI for science",
    pool: true,
    source: `
      ICLR 2025 primary areas 'applications to physical sciences (physics, chemistry, biology, etc.)'
      and 'applications to neuroscience & cognitive science'; NeurIPS 'Machine learning for sciences'
      and 'Machine learning for healthcare'`,
    areas: [
      {
        id: "biology",
        label: "Computational biology",
        phrases: `
          protein, proteins, protein structure, protein design, genomics, genome, genomic, DNA, RNA,
          single-cell, gene, genes, gene expression, cell, cells, biological, biology, enzyme,
          antibody, subcellular, microscopy`,
      },
      {
        id: "chemistry",
        label: "Chemistry & materials",
        phrases: `
          molecule, molecules, molecular, chemistry, chemical, drug discovery, drug design, materials,
          material science, crystal, crystals, catalyst, reaction, reactions, molecular generation,
          SMILES`,
      },
      {
        id: "sciml",
        label: "Scientific machine learning",
        phrases: `
          PDE, PDEs, partial differential equation, partial differential equations, physics-informed,
          PINN, PINNs, neural operator, neural operators, fluid, fluids, turbulence, climate, weather,
          weather forecasting, physical systems, dynamical systems, numerical solver, wave, waves,
          linear systems, scientific computing`,
        // "Physics-based" control and animation are robotics and graphics as often as science, and
        // "the physics of language models" is not science either: physics alone is a hint.
        hints: `physical, simulation, solver, physics, physics-based`,
      },
      {
        id: "ai-scientist",
        label: "AI scientists",
        phrases: `
          scientific discovery, AI scientist, AI scientists, research automation, hypothesis
          generation, scientific literature, paper writing, peer review, academic, scientific
          research, automated research, scientists`,
        hints: `scientific, research`,
      },
      {
        id: "medical",
        label: "Medical AI",
        phrases: `
          medical, clinical, clinician, clinicians, patient, patients, healthcare, health, radiology,
          pathology, diagnosis, EHR, electronic health records, biomedical, disease, diseases, MRI,
          CT, surgical, cancer, tumor, prostate, medicine`,
      },
      {
        id: "neuro",
        label: "Neuroscience",
        phrases: `
          brain, neural activity, neuroscience, fMRI, EEG, brain decoding, visual cortex, V1, cortex,
          brain activity, cognitive science`,
        hints: `cognitive, cognition, psychology`,
      },
    ],
  },
  {
    id: "foundations",
    label: "Machine learning foundations",
    pool: false,
    source: `
      ICLR 2025 primary areas (learning theory; learning on graphs and other geometries & topologies;
      learning on time series and dynamical systems; probabilistic methods; causal reasoning;
      transfer, meta and lifelong learning; unsupervised, self-supervised, semi-supervised and
      supervised representation learning; optimization); NeurIPS subject areas`,
    areas: [
      {
        id: "theory",
        label: "Learning theory",
        phrases: `
          theoretical, generalization bound, generalization bounds, sample complexity, PAC,
          convergence rate, provable, provably, lower bound, upper bound, minimax, statistical
          learning, VC dimension, kernel methods, NTK, neural tangent kernel, approximation theory,
          expressive power, implicit regularization, implicit bias`,
        hints: `bound, bounds, analysis, generalization, theory, theorem`,
      },
      {
        id: "graphs",
        label: "Graph learning",
        phrases: `
          graph neural network, graph neural networks, GNN, GNNs, graph learning, node classification,
          link prediction, message passing, graph transformer, graph transformers, hypergraph, graph
          representation learning, graph structure`,
        hints: `graph, graphs, nodes`,
      },
      {
        id: "time-series",
        label: "Time series",
        phrases: `
          time series, time-series, forecasting, anomaly detection, multivariate time series, temporal
          data, sequential data`,
        hints: `temporal`,
      },
      {
        id: "probabilistic",
        label: "Probabilistic methods",
        phrases: `
          Bayesian, variational inference, Gaussian process, Gaussian processes, probabilistic,
          posterior, MCMC, normalizing flows, energy-based, causal inference, causal discovery, sparse
          coding`,
        hints: `inference, sampling, uncertainty, priors`,
      },
      {
        id: "continual",
        label: "Continual learning",
        phrases: `
          continual learning, lifelong learning, catastrophic forgetting, incremental learning,
          class-incremental`,
        hints: `forgetting`,
      },
      {
        id: "transfer",
        label: "Transfer & domain adaptation",
        phrases: `
          domain adaptation, domain generalization, transfer learning, distribution shift,
          distribution shifts, OOD, test-time adaptation, meta-learning, few-shot learning, model
          merging`,
        hints: `domain, domains, transfer, transferability`,
      },
      {
        id: "federated",
        label: "Federated learning",
        phrases: `federated learning, federated, decentralized learning, split learning`,
        hints: `clients`,
      },
      {
        id: "ssl",
        label: "Representation learning",
        phrases: `
          self-supervised learning, self-supervised, contrastive learning, representation learning,
          masked modeling, masked image modeling, masked autoencoders, masked autoencoder, MAE, JEPA,
          joint embedding, pretext task, embedding space`,
        hints: `representations, embeddings, embedding, contrastive`,
      },
      {
        id: "automl",
        label: "AutoML",
        phrases: `
          AutoML, hyperparameter optimization, hyperparameter tuning, neural architecture search, NAS,
          architecture search, tabular, tabular data`,
        hints: `hyperparameters, search space`,
      },
      {
        id: "neuromorphic",
        label: "Neuromorphic computing",
        phrases: `
          spiking neural network, spiking neural networks, spiking, SNN, SNNs, neuromorphic,
          event-driven, event camera, event cameras, reservoir computing, echo state network, echo
          state networks, analog computing`,
      },
    ],
  },
  {
    id: "society",
    label: "AI and society",
    pool: false,
    source: `
      ICLR 2025 primary area 'alignment, fairness, safety, privacy, and societal considerations';
      FAccT and CHI topics`,
    areas: [
      {
        id: "hci",
        label: "Human-AI interaction",
        phrases: `
          human-AI interaction, human-AI collaboration, human-AI, user study, user studies,
          delegation, education, educational, tutoring, co-creation, human-centered`,
        hints: `humans, human, students`,
      },
      {
        id: "economics",
        label: "AI and economics",
        phrases: `
          economic, economics, market, markets, auction, auctions, pricing, labor, mechanism design,
          social choice, welfare, bidders, advertising`,
      },
      {
        id: "policy-law",
        label: "AI governance",
        phrases: `AI governance, regulation, regulatory, ethics, ethical, copyright, policymakers`,
        hints: `transparency`,
      },
    ],
  },
];
