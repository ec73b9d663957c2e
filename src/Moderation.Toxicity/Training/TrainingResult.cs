using Moderation.Toxicity.Evaluation;
using Moderation.Toxicity.Models;

namespace Moderation.Toxicity.Training;

/// <summary>A trained model and how it did on the rows held out from its training.</summary>
public sealed record TrainingResult(LoadedModel Model, EvaluationReport? Validation);
