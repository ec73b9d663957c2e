namespace Moderation.Toxicity.Models;

/// <summary>A model could not be loaded: missing files, a corrupt zip or manifest, or a version this build cannot use.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
