using Microsoft.AspNetCore.Http.Metadata;

namespace Moderation.Api.Model;

/// <summary>A route's own body limit, in place of <c>Api:MaxRequestBodyBytes</c>.</summary>
public sealed record RequestBodyLimit(long Bytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => Bytes;
}
