using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation;
using VoiceConnector.Edge.Conversation.Fallbacks;
using VoiceConnector.Edge.Conversation.Metrics;
using VoiceConnector.Edge.Tests.Conversation.Fakes;

namespace VoiceConnector.Edge.Tests.Conversation;

/// <summary>Runs a <see cref="ConversationAgent"/> on a fake call with fake AI services, and waits for what it does.</summary>
internal sealed class ConversationHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly ServiceProvider metricsProvider;
    private Task? run;

    public ConversationHarness(AgentDefinition? agent = null, bool unknownNumber = false)
    {
        Agent = agent ?? NewAgent();
        metricsProvider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var options = Options.Create(new ConversationOptions { RetryBackoffMs = 5, ServiceAttempts = 2 });
        var prompts = new FallbackPromptLibrary(Tts, options, NullLogger<FallbackPromptLibrary>.Instance);
        Metrics = new ConversationMetrics(metricsProvider.GetRequiredService<IMeterFactory>());
        var services = new ConversationServices(Chat, Stt, Tts, new FakeVoiceActivityDetector(), prompts, Metrics, Records, options, TimeProvider.System, NullLoggerFactory.Instance);
        Sut = new ConversationAgent(services, new EchoAgent(), NullLogger<ConversationAgent>.Instance, new FixedAgentResolver(unknownNumber ? null : Agent));
    }

    public AgentDefinition Agent { get; }

    public FakeCallMedia Media { get; } = new();

    public FakeChatClient Chat { get; } = new();

    public FakeSpeechToText Stt { get; } = new();

    public FakeTextToSpeech Tts { get; } = new();

    public RecordingCallRecordSink Records { get; } = new();

    public ConversationMetrics Metrics { get; }

    public ConversationAgent Sut { get; }

    public Task Run => run ?? throw new InvalidOperationException("Not started.");

    public static AgentDefinition NewAgent(AgentTimings? timings = null, IReadOnlyList<string>? tools = null, string greeting = "Hello there.") => new()
    {
        AgentId = "agent-1",
        SystemPrompt = "You are a test agent.",
        Greeting = greeting,
        Voice = "test-voice",
        Tools = tools ?? [],
        Timings = timings ?? new AgentTimings
        {
            EndOfTurnSilenceMs = 200,
            BargeInMinSpeechMs = 200,
            IdleRepromptMs = 600_000,
            MaxIdleReprompts = 2,
            MaxCallSeconds = 600,
        },
    };

    public void Start() => run = Task.Run(() => Sut.RunAsync(Media, CancellationToken.None));

    /// <summary>Starts the call and waits until the greeting has been played out.</summary>
    public async Task StartAndWaitForGreetingAsync()
    {
        Start();
        // The greeting reaches the seam in pieces: idle playout between two pieces is not the end of the greeting.
        var fullLength = Agent.Greeting.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length * Tts.MsPerWord * (AudioFrame.SampleRate / 1000);
        await WaitUntilAsync(() => Tts.Requests.Contains(Agent.Greeting)
            && Heard().Any(h => h.Text == Agent.Greeting && h.Samples >= fullLength)
            && PlayoutIdle());
    }

    public bool PlayoutIdle() => Media.PlayoutQueuedPosition > 0 && Media.PlayoutPlayedPosition == Media.PlayoutQueuedPosition;

    /// <summary>The caller says <paramref name="words"/> (audio carrying <paramref name="value"/>) for <paramref name="ms"/>.</summary>
    public async Task SayAsync(short value, string words, int ms = 600)
    {
        Stt.Words[value] = words;
        Media.Say(value, ms);
        await WaitUntilAsync(() => !Media.Speaking);
    }

    public async Task<CallRecord> EndAndGetRecordAsync()
    {
        Media.End("caller-bye");
        await Run.WaitAsync(Timeout);
        return await Records.FirstRecord.WaitAsync(Timeout);
    }

    /// <summary>Texts the caller heard (fully or partly), in order.</summary>
    public List<(string Text, int Samples)> Heard() => Tts.Heard(Media.Audio());

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(2, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Media.DisposeAsync();
        if (run is not null)
        {
            await run.WaitAsync(Timeout);
        }

        await metricsProvider.DisposeAsync();
    }
}
