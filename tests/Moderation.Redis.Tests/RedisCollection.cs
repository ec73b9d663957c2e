using Moderation.Testing;

namespace Moderation.Redis.Tests;

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<ScriptServer>
{
    public const string Name = "redis";
}
