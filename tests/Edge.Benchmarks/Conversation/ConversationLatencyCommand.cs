using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Ai;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation;
using VoiceConnector.Edge.Conversation.Audio;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Benchmarks.Conversation;

#pragma warning disable MEAI001 // ISpeechToTextClient and ITextToSpeechClient are [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>
/// <c>dotnet run -c Release --project tests/Edge.Benchmarks -- conversation-latency [--turns N] [--engine-turns N]</c>:
/// real-time calls through the conversation pipeline; prints the edge's own turn overhead and barge-in reaction with
/// instant fake services, and the full turn latency with the embedded engines (flite, PocketSphinx, scripted, WebRTC VAD).
/// </summary>
internal sealed class ConversationLatencyCommand : IReportCommand
{
    private const int EndOfTurnMs = 500;
    private const int BargeInMs = 250;

    public string Name => "conversation-latency";

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var turns = Option(args, "--turns", 30);
        var engineTurns = Option(args, "--engine-turns", 6);
        output.WriteLine($"Conversation latency, real-time 20 ms frames; end-of-turn silence {EndOfTurnMs} ms, barge-in minimum {BargeInMs} ms");

        var overhead = await TurnOverheadAsync(turns);
        output.WriteLine(overhead.Line());
        var bargeIn = await BargeInReactionAsync(turns);
        output.WriteLine(bargeIn.Line());
        output.WriteLine($"  (aim: turn overhead p50 < 20 ms; barge-in reaction < {BargeInMs} + 40 = {BargeInMs + 40} ms)");
        if (engineTurns > 0)
        {
            foreach (var line in await EmbeddedEnginesAsync(engineTurns))
            {
                output.WriteLine(line);
            }
        }

        return 0;
    }

    /// <summary>From the caller frame that completes the end-of-turn silence to the first reply audio handed to the seam.</summary>
    private static async Task<LatencyStats> TurnOverheadAsync(int turns)
    {
        var stats = new LatencyStats("turn overhead: end-of-turn frame -> first reply audio queued");
        await using var run = await BenchmarkCall.StartAsync(InstantServices("Sure, I can help.", 100));
        await run.WarmUpAsync();
        for (var i = 0; i < turns; i++)
        {
            run.Media.ResetMarks();
            var (_, silenceDone) = run.Caller.Say(null, 30, EndOfTurnMs / 20);
            var detectedAt = await silenceDone;
            await WaitUntilAsync(() => run.Media.FirstPlayAt != 0);
            stats.Add(Stopwatch.GetElapsedTime(detectedAt, run.Media.FirstPlayAt).TotalMilliseconds);
            await WaitUntilAsync(() => run.Media.PlayoutIdle);
            await Task.Delay(100);
        }

        return stats;
    }

    /// <summary>From the first frame of caller speech over the agent to ClearPlayout.</summary>
    private static async Task<LatencyStats> BargeInReactionAsync(int turns)
    {
        var stats = new LatencyStats("barge-in reaction: speech onset -> playout cleared");
        var longReply = string.Join(' ', Enumerable.Repeat("word", 40)) + ".";
        await using var run = await BenchmarkCall.StartAsync(InstantServices(longReply, 150));

        // A first question starts a long reply; each barge-in then gets a long reply again. The first one warms up.
        run.Caller.Say(null, 30, EndOfTurnMs / 20);
        for (var i = -1; i < turns; i++)
        {
            await WaitUntilAsync(() => run.Media.FirstPlayAt != 0);
            await Task.Delay(300);
            run.Media.ResetMarks();
            var (onset, _) = run.Caller.Say(null, 30, EndOfTurnMs / 20);
            var onsetAt = await onset;
            await WaitUntilAsync(() => run.Media.FirstClearAt != 0);
            if (i >= 0)
            {
                stats.Add(Stopwatch.GetElapsedTime(onsetAt, run.Media.FirstClearAt).TotalMilliseconds);
            }

            await Task.Delay(100);
            run.Media.ResetMarks();
        }

        return stats;
    }

    /// <summary>Full turns with the embedded engines; latencies from the end of the caller's speech (TurnTimings).</summary>
    private static async Task<List<string>> EmbeddedEnginesAsync(int turns)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ai:Scripted:ChunkDelay"] = "00:00:00" }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddSingleton<IConfiguration>(config);
        services.AddEdgeAi(config);
        await using var provider = BuildConversation(services, config);
        await provider.GetRequiredService<ChatClientSelector>().StartAsync(CancellationToken.None);
        var question = await SynthesizeAsync(provider.GetRequiredService<ITextToSpeechClient>(), "what are your opening hours");
        await using var run = await BenchmarkCall.StartAsync(provider);
        await run.WarmUpAsync();
        for (var i = 0; i < turns; i++)
        {
            run.Media.ResetMarks();
            var (_, silenceDone) = run.Caller.Say(question, 0, EndOfTurnMs / 20);
            await silenceDone;
            await WaitUntilAsync(() => run.Media.FirstPlayAt != 0, TimeSpan.FromSeconds(30));
            await WaitUntilAsync(() => run.Media.PlayoutIdle, TimeSpan.FromSeconds(30));
            await Task.Delay(300);
        }

        var record = await run.EndAsync();
        var replies = record.Turns.Where(t => t.Timings is not null).ToList();
        var lines = new List<string> { $"embedded engines (flite TTS, PocketSphinx STT, scripted LLM, WebRTC VAD), {replies.Count} turns, ms from end of caller speech:" };
        foreach (var (name, pick) in new (string, Func<TurnTimings, double?>)[]
        {
            ("  transcript", t => t.TranscriptMs),
            ("  first LLM token", t => t.FirstTokenMs),
            ("  first sentence", t => t.FirstSentenceMs),
            ("  first TTS audio", t => t.FirstTtsAudioMs),
            ("  first audio queued (includes the 500 ms end-of-turn wait)", t => t.FirstAudioSentMs),
        })
        {
            var stats = new LatencyStats(name);
            foreach (var turn in replies)
            {
                if (pick(turn.Timings!) is { } ms)
                {
                    stats.Add(ms);
                }
            }

            lines.Add(stats.Line());
        }

        var heard = record.Turns.Where(t => t.Role == TurnRoles.Caller).Select(t => t.Text).Distinct();
        lines.Add("  caller transcripts: " + string.Join(" | ", heard));
        return lines;
    }

    private static ServiceProvider InstantServices(string reply, int msPerWord)
    {
        var config = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IChatClient>(new InstantChatClient(reply));
        services.AddSingleton<ISpeechToTextClient>(new InstantSpeechToText("hello there"));
        services.AddSingleton<ITextToSpeechClient>(new InstantTextToSpeech(msPerWord));
        services.AddSingleton<IVoiceActivityDetectorFactory>(new EnergyVoiceActivityDetector());
        return BuildConversation(services, config);
    }

    private static ServiceProvider BuildConversation(IServiceCollection services, IConfiguration config)
    {
        services.AddEdgeConversation(config);
        services.AddSingleton<RecordCollector>();
        services.Replace(ServiceDescriptor.Singleton<ICallRecordSink>(sp => sp.GetRequiredService<RecordCollector>()));
        services.Replace(ServiceDescriptor.Singleton<IAgentResolver>(new BenchmarkAgentResolver(new AgentDefinition
        {
            AgentId = "bench",
            Greeting = "",
            Timings = new AgentTimings { EndOfTurnSilenceMs = EndOfTurnMs, BargeInMinSpeechMs = BargeInMs, IdleRepromptMs = 600_000, MaxCallSeconds = 3_600 },
        })));
        return services.BuildServiceProvider();
    }

    private static async Task<short[]> SynthesizeAsync(ITextToSpeechClient tts, string text)
    {
        var response = await tts.GetAudioAsync(text);
        using var decoder = new TtsAudioDecoder();
        var pcm = new List<short>();
        foreach (var data in response.Contents.OfType<DataContent>())
        {
            pcm.AddRange(decoder.Decode(data.Data.Span, data.MediaType).Span);
        }

        // Caller speech at a telephone level (flite renders near full scale).
        return [.. pcm.Select(s => (short)(s / 2))];
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("The agent did not react in time.");
            }

            await Task.Delay(1);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
