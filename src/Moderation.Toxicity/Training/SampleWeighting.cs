namespace Moderation.Toxicity.Training;

/// <summary>How training rows are weighted against the sources' very different sizes and toxic rates.</summary>
public enum SampleWeighting
{
    /// <summary>Every row counts once.</summary>
    None,

    /// <summary>Toxic and clean rows carry equal total weight.</summary>
    ClassBalanced,

    /// <summary>Every source carries equal total weight, then toxic and clean rows carry equal total weight.</summary>
    SourceBalanced,
}
