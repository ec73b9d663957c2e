using Microsoft.AspNetCore.Builder;

namespace Moderation.Api.Capacity;

/// <summary>
/// Marks a POST, PUT, PATCH or DELETE route that stores nothing (issuing a token, scoring a text), so that it keeps
/// working while the store is full, as reads do.
/// </summary>
public sealed class StoresNothing
{
    public static readonly StoresNothing Instance = new();

    private StoresNothing()
    {
    }
}

public static class StoresNothingExtensions
{
    /// <summary>The route answers while the store refuses writes: it stores nothing.</summary>
    public static TBuilder StoresNothing<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(Capacity.StoresNothing.Instance);
}
