namespace Moderation.Http.Health;

/// <summary>The service's health, check by check.</summary>
/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="Checks">Each check by name.</param>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, CheckResponse> Checks);

/// <summary>One health check.</summary>
/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="Description">What it found.</param>
/// <param name="Error">The error, when it failed.</param>
public sealed record CheckResponse(string Status, string? Description, string? Error);
