namespace Moderation.Toxicity.Functional;

/// <summary>One sentence of the functional suite: what it tests, whether it is abusive, and which half of the templates it comes from.</summary>
/// <param name="Function">What the case tests (e.g. <c>negation</c>, <c>counter-speech</c>).</param>
/// <param name="Text">The sentence, with its group filled in.</param>
/// <param name="Abusive">True when a moderator should hold it.</param>
/// <param name="Half">The template's half.</param>
/// <param name="Template">The template the case was made from.</param>
/// <param name="Group">The group filled in, or null for a template without one.</param>
public sealed record FunctionalCase(string Function, string Text, bool Abusive, FunctionalHalf Half, string Template, string? Group);

/// <summary>The two halves of the templates.</summary>
public enum FunctionalHalf
{
    /// <summary>May be looked at while choosing model variants.</summary>
    Dev,

    /// <summary>Never tuned on; only reported.</summary>
    HeldOut,
}
