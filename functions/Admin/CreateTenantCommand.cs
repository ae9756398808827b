using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Admin;

/// <summary>
/// <c>dotnet run --project functions -- create-tenant &lt;name&gt;</c>: applies migrations, creates a tenant and its
/// first API key, and prints the key once (only its hash is stored).
/// </summary>
public static class CreateTenantCommand
{
    public const string Name = "create-tenant";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Count < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await output.WriteLineAsync("usage: create-tenant <name>");
            return 2;
        }

        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
        var (tenant, apiKey) = await services.GetRequiredService<TenantStore>().CreateAsync(args[1], cancellationToken);
        await output.WriteLineAsync($"tenant {tenant.Id} ({tenant.Name})");
        await output.WriteLineAsync($"api key (shown once): {apiKey}");
        return 0;
    }
}
