namespace Moderation.Api.Problems;

public sealed class ApiLimitsOptions
{
    public const string Section = "Api";

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
