using Microsoft.Extensions.DependencyInjection;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Benchmarks.Conversation;

/// <summary>One real-time call through the registered <see cref="ICallAgent"/> (the conversation agent).</summary>
internal sealed class BenchmarkCall : IAsyncDisposable
{
    private readonly ServiceProvider? owned;
    private readonly RecordCollector records;
    private readonly Task run;

    private BenchmarkCall(IServiceProvider services, ServiceProvider? owned)
    {
        this.owned = owned;
        records = services.GetRequiredService<RecordCollector>();
        Media = new PacedCallMedia(Caller.Next);
        var agent = services.GetRequiredService<ICallAgent>();
        run = Task.Run(() => agent.RunAsync(Media, CancellationToken.None));
    }

    public CallerScript Caller { get; } = new();

    public PacedCallMedia Media { get; }

    public static Task<BenchmarkCall> StartAsync(ServiceProvider services, bool own = true) =>
        Task.FromResult(new BenchmarkCall(services, own ? services : null));

    /// <summary>One untimed turn, so JIT and first-use costs stay out of the figures.</summary>
    public async Task WarmUpAsync()
    {
        Media.ResetMarks();
        var (_, silence) = Caller.Say(null, 30, 25);
        await silence;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((Media.FirstPlayAt == 0 || !Media.PlayoutIdle) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        await Task.Delay(200);
    }

    public async Task<CallRecord> EndAsync()
    {
        await Media.DisposeAsync();
        await run;
        return await records.Record;
    }

    public async ValueTask DisposeAsync()
    {
        await Media.DisposeAsync();
        await run;
        if (owned is not null)
        {
            await owned.DisposeAsync();
        }
    }
}
