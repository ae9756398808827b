using System.Data.Common;
using VoiceConnector.Functions.Storage;
using VoiceConnector.Functions.Tests.Infrastructure;

namespace VoiceConnector.Functions.Tests.Storage;

[Collection(PostgresGroup.Name)]
public sealed class StorageTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrate_RunTwiceAndConcurrently_AppliesEachVersionOnce(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var migrator = app.Service<SchemaMigrator>();

        await Task.WhenAll(migrator.MigrateAsync(CancellationToken.None), migrator.MigrateAsync(CancellationToken.None));
        await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(1L, await ScalarAsync(app, "SELECT COUNT(*) FROM schema_migrations;"));
        foreach (var table in new[] { "tenants", "api_keys", "agents", "numbers", "idempotency", "calls", "call_status_events" })
        {
            Assert.Equal(0L, await ScalarAsync(app, $"SELECT COUNT(*) FROM {table} WHERE 1 = 0;"));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ApiKey_Stored_OnlyAsPepperedHash(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (tenant, apiKey) = await app.CreateTenantAsync("acme");

        var stored = (string)(await ScalarObjectAsync(app, "SELECT key_hash FROM api_keys;"))!;
        Assert.NotEqual(apiKey, stored);
        Assert.DoesNotContain(apiKey[10..], stored, StringComparison.Ordinal);
        Assert.Equal(app.Service<ApiKeyHasher>().Hash(apiKey), stored);
        Assert.Equal(64, stored.Length);
        Assert.Equal(tenant, await app.Service<TenantStore>().FindTenantByApiKeyAsync(apiKey, CancellationToken.None));
        Assert.Null(await app.Service<TenantStore>().FindTenantByApiKeyAsync(apiKey + "x", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Numbers_SamePhoneNumberTwice_SecondRefusedByUniqueConstraint(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (a, _) = await app.CreateTenantAsync("a");
        var (b, _) = await app.CreateTenantAsync("b");
        await Seed.NumberAsync(app, a, "+14155550100", null);
        var duplicate = new StoredNumber(Ids.New("num"), b, "+14155550100", null, NumberKinds.Sip, NumberRoutings.Sip, null, DateTimeOffset.UtcNow);

        Assert.False(await app.Service<NumberStore>().TryInsertAsync(duplicate, CancellationToken.None));
        Assert.Equal(a, (await app.Service<NumberStore>().FindRouteAsync("+14155550100", CancellationToken.None))?.Number.TenantId);
    }

    private static async Task<long> ScalarAsync(FunctionsApp app, string sql) =>
        Convert.ToInt64(await ScalarObjectAsync(app, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarObjectAsync(FunctionsApp app, string sql)
    {
        await using DbConnection connection = await app.Service<Database>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
