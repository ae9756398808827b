using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls.Functions;
using VoiceConnector.Edge.Calls.Records;
using VoiceConnector.Edge.Tests.Calls.Functions;

namespace VoiceConnector.Edge.Tests.Calls.Records;

public sealed class CallRecordOutboxTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "outbox-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task DeliverAllAsync_FunctionsUp_RecordStoredAndFileRemoved()
    {
        await using var server = await FunctionsEndpointsServer.StartAsync();
        var outbox = Create(server.BaseUrl);

        await outbox.SubmitAsync(Record("call-a"), CancellationToken.None);
        Assert.Equal(1, outbox.Pending);
        Assert.True(await outbox.DeliverAllAsync(CancellationToken.None));

        Assert.Equal("call-a", Assert.Single(server.Records).Key);
        Assert.Equal(2, server.Records["call-a"].Turns.Count);
        Assert.Equal(0, outbox.Pending);
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public async Task DeliverAllAsync_FunctionsDownThenRestartedEdge_RecordKeptAndDeliveredOnce()
    {
        await using var server = await FunctionsEndpointsServer.StartAsync();
        server.FailWith = HttpStatusCode.ServiceUnavailable;
        var before = Create(server.BaseUrl);
        await before.SubmitAsync(Record("call-b"), CancellationToken.None);
        await before.SubmitAsync(Record("call-c"), CancellationToken.None);

        Assert.False(await before.DeliverAllAsync(CancellationToken.None));
        Assert.Equal(2, Directory.GetFiles(directory, "*.json").Length);

        // The edge restarts: a new outbox over the same folder finds both records.
        server.FailWith = null;
        var after = Create(server.BaseUrl);
        Assert.Equal(2, after.Pending);
        Assert.True(await after.DeliverAllAsync(CancellationToken.None));
        Assert.True(await after.DeliverAllAsync(CancellationToken.None));

        Assert.Equal(["call-b", "call-c"], server.Records.Keys.Order().ToArray());
        Assert.Equal(2, server.RecordPosts);
    }

    [Fact]
    public async Task SubmitAsync_OutboxFull_NewRecordRefusedOldKept()
    {
        var outbox = Create(new Uri("http://127.0.0.1:9"), maxRecords: 2);
        await outbox.SubmitAsync(Record("call-1"), CancellationToken.None);
        await outbox.SubmitAsync(Record("call-2"), CancellationToken.None);
        await outbox.SubmitAsync(Record("call-3"), CancellationToken.None);

        var files = Directory.GetFiles(directory, "*.json").Select(Path.GetFileName).ToArray();
        Assert.Equal(2, files.Length);
        Assert.DoesNotContain(files, f => f!.Contains("call-3", StringComparison.Ordinal));
        Assert.Equal(2, outbox.Pending);
    }

    [Fact]
    public async Task DeliverAllAsync_CorruptFile_MovedAsideOthersDelivered()
    {
        await using var server = await FunctionsEndpointsServer.StartAsync();
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "00000000000000000001-broken.json"), "{ not json");
        var outbox = Create(server.BaseUrl);
        await outbox.SubmitAsync(Record("call-ok"), CancellationToken.None);

        Assert.True(await outbox.DeliverAllAsync(CancellationToken.None));

        Assert.True(server.Records.ContainsKey("call-ok"));
        Assert.Single(Directory.GetFiles(directory, "*.bad"));
        Assert.Equal(0, outbox.Pending);
    }

    [Fact]
    public async Task DeliverAllAsync_RecordRejected_KeptAsRejected()
    {
        await using var server = await FunctionsEndpointsServer.StartAsync();
        server.FailWith = HttpStatusCode.BadRequest;
        var outbox = Create(server.BaseUrl);
        await outbox.SubmitAsync(Record("call-x"), CancellationToken.None);

        Assert.True(await outbox.DeliverAllAsync(CancellationToken.None));

        Assert.Single(Directory.GetFiles(directory, "*.rejected"));
        Assert.Empty(Directory.GetFiles(directory, "*.json"));
    }

    [Fact]
    public async Task ExecuteAsync_FunctionsRecoverAfterFailures_DeliveredInBackground()
    {
        await using var server = await FunctionsEndpointsServer.StartAsync();
        server.FailWith = HttpStatusCode.BadGateway;
        var outbox = Create(server.BaseUrl);
        await outbox.StartAsync(CancellationToken.None);
        try
        {
            await outbox.SubmitAsync(Record("call-bg"), CancellationToken.None);
            await Task.Delay(150);
            Assert.Empty(server.Records);

            server.FailWith = null;
            for (var i = 0; i < 100 && server.Records.IsEmpty; i++)
            {
                await Task.Delay(50);
            }

            Assert.True(server.Records.ContainsKey("call-bg"));
        }
        finally
        {
            await outbox.StopAsync(CancellationToken.None);
        }
    }

    private CallRecordOutbox Create(Uri baseUrl, int maxRecords = 1000)
    {
        var functions = Options.Create(new FunctionsOptions { BaseUrl = baseUrl, EdgeKey = FunctionsEndpointsServer.Key, TimeoutSeconds = 2 });
        var outbox = Options.Create(new OutboxOptions
        {
            Directory = directory,
            MaxRecords = maxRecords,
            InitialRetryDelaySeconds = 0.05,
            MaxRetryDelaySeconds = 0.2,
            ShutdownFlushSeconds = 1,
        });
        return new CallRecordOutbox(new FunctionsClient(new HttpClient(), functions), functions, outbox, TimeProvider.System, NullLogger<CallRecordOutbox>.Instance);
    }

    private static CallRecord Record(string callId) => new()
    {
        CallId = callId,
        Transport = "sip",
        From = "+15550001111",
        To = "+15551230001",
        StartedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        EndedAt = DateTimeOffset.UtcNow,
        Turns =
        [
            new TranscriptTurn(TurnRoles.Agent, "Hello, how can I help?", DateTimeOffset.UtcNow.AddSeconds(-50)),
            new TranscriptTurn(TurnRoles.Caller, "What are your opening hours?", DateTimeOffset.UtcNow.AddSeconds(-45)),
        ],
    };
}
