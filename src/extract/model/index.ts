/**
 * The extractor's learned models: the tagger of methods, datasets and tasks, and the classifier of
 * invariance kinds. Trained by scripts/train.ts; their weights are data files beside this one.
 */
import { type Classifier, shippedInvarianceClassifier } from "./invariance.js";
import { shippedTagger, type Tagger } from "./tagger.js";

export interface ExtractorModels {
  tagger: Tagger;
  invariance: Classifier;
}

/** The committed models, read once. */
export function shippedModels(): ExtractorModels {
  return { tagger: shippedTagger(), invariance: shippedInvarianceClassifier() };
}
