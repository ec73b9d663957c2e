using Microsoft.AspNetCore.Builder;

namespace Moderation.Api.Capacity;

/// <summary>
/// Marks a write that frees more than it stores and that a reader has a right to (a reader's erasure): it goes on while
/// the store refuses other writes, up to <see cref="Moderation.Redis.Capacity.StoreFillMarks.EraseUpTo"/>.
/// </summary>
public sealed class FreesSpace
{
    public static readonly FreesSpace Instance = new();

    private FreesSpace()
    {
    }
}

public static class FreesSpaceExtensions
{
    /// <summary>The route answers while the store refuses other writes, short of the erasure ceiling: it frees space.</summary>
    public static TBuilder FreesSpace<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(Capacity.FreesSpace.Instance);
}
