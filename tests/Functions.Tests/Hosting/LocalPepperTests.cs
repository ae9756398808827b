using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Configuration;
using VoiceConnector.Functions.Hosting;

namespace VoiceConnector.Functions.Tests.Hosting;

public sealed class LocalPepperTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "vc-pepper-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void PostConfigure_SqliteWithoutPepper_CreatesOwnerOnlyFileOnceAndReusesIt()
    {
        var storage = Options.Create(new StorageOptions { Provider = StorageProviders.Sqlite, ConnectionString = "Data Source=" + Path.Combine(directory, "f.db") });
        var first = new ApiKeyOptions();
        var second = new ApiKeyOptions();

        new LocalPepper(storage).PostConfigure(null, first);
        new LocalPepper(storage).PostConfigure(null, second);

        Assert.True(first.Pepper.Length >= 32);
        Assert.Equal(first.Pepper, second.Pepper);
        var file = Path.Combine(directory, LocalPepper.FileName);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void PostConfigure_PostgresOrConfiguredPepper_LeftAlone()
    {
        var postgres = new ApiKeyOptions();
        new LocalPepper(Options.Create(new StorageOptions { Provider = StorageProviders.Postgres, ConnectionString = "Host=x" })).PostConfigure(null, postgres);
        var configured = new ApiKeyOptions { Pepper = "configured-pepper-0123456789" };
        new LocalPepper(Options.Create(new StorageOptions { ConnectionString = "Data Source=" + Path.Combine(directory, "f.db") })).PostConfigure(null, configured);

        Assert.Equal("", postgres.Pepper);
        Assert.Equal("configured-pepper-0123456789", configured.Pepper);
        Assert.False(Directory.Exists(directory));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
