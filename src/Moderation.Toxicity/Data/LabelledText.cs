namespace Moderation.Toxicity.Data;

/// <summary>One labelled comment: its raw text, whether it is toxic, and the source it came from.</summary>
public sealed record LabelledText(string Text, bool Toxic, string Source);
