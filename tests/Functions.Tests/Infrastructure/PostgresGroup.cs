namespace VoiceConnector.Functions.Tests.Infrastructure;

/// <summary>Test classes in this collection share one PostgreSQL server (each test gets its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "storage";
}
