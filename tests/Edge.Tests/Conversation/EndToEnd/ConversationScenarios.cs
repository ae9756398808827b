using System.Diagnostics;
using Microsoft.Extensions.AI;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Conversation;
using VoiceConnector.Edge.Conversation.Audio;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Media.Resampling;
using VoiceConnector.Edge.Tests.Twilio;
using Xunit.Abstractions;

namespace VoiceConnector.Edge.Tests.Conversation.EndToEnd;

#pragma warning disable MEAI001 // ISpeechToTextClient and ITextToSpeechClient are [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>
/// Whole calls into the edge with the embedded engines, written once and run on each transport (a sealed subclass
/// per transport says how to call): the caller's speech is flite audio sent in real time, the edge hears it with the
/// WebRTC VAD and PocketSphinx, answers with the scripted responder and flite, and the test transcribes what the caller
/// heard with PocketSphinx.
/// </summary>
public abstract class ConversationScenarios(ITestOutputHelper output)
{
    /// <summary>The xunit collection of the end-to-end calls: one at a time (each runs the engines in real time).</summary>
    public const string Collection = "Conversation end-to-end";

    /// <summary>The caller's question; PocketSphinx hears this take right at 16 kHz and over 8 kHz mu-law alike.</summary>
    private const string Question = "what are the opening hours";

    private protected const string HoursReply = "We are open Monday to Friday, from nine in the morning to five in the afternoon.";
    private protected static readonly TimeSpan Long = TimeSpan.FromSeconds(40);

    /// <summary>The most the agent may go on being heard after the caller starts talking over it (barge-in + 400 ms).</summary>
    private protected const double StopBoundMs = 250 + 400;

    private protected ITestOutputHelper Output => output;

    /// <summary>Places a call to <paramref name="edge"/> on the transport under test; it is answered with the greeting.</summary>
    private protected abstract Task<ConversationCaller> CallAsync(ConversationEdgeHost edge);

    /// <summary>Checks of the transport itself after a barge-in (what it signalled, what the edge counted as played).</summary>
    private protected virtual Task VerifyBargeInAsync(ConversationEdgeHost edge, ConversationCaller caller, BargeInObservation bargeIn) => Task.CompletedTask;

    private static AgentDefinition Agent() => new()
    {
        AgentId = "front-desk",
        SystemPrompt = "You answer the phone for a small shop.",
        Greeting = "Hello, thank you for calling.",
        Voice = "slt",
        Tools = [AgentTools.HangUp],
        Timings = new AgentTimings { EndOfTurnSilenceMs = 500, BargeInMinSpeechMs = 250, IdleRepromptMs = 60_000 },
    };

    [Fact]
    public async Task Call_CallerAsksOpeningHours_EdgeTranscribesAndAgentSaysScriptedReply()
    {
        await using var edge = await ConversationEdgeHost.StartAsync(Agent());
        await using var caller = await CallAsync(edge);
        await caller.WaitForAgentToFinishAsync(1_500, Long);

        var asked = Stopwatch.GetTimestamp();
        caller.Say(CallerSpeech(Question));
        await caller.WaitForAgentToFinishAsync(1_000, Long);
        var heard = caller.ReceivedSince(asked);
        await caller.HangUpAsync();
        var record = await edge.Records.FirstRecord.WaitAsync(Long);

        output.WriteLine("edge transcript: " + string.Join(" / ", record.Turns.Select(t => t.Role + ": " + t.Text)));
        var callerTurn = Assert.Single(record.Turns, t => t.Role == TurnRoles.Caller);
        Assert.Contains("hours", callerTurn.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HoursReply, record.Turns[^1].Text);
        Assert.NotNull(record.Turns[^1].Timings?.FirstAudioSentMs);
        await AssertHeardAsync(edge, heard, HoursReply, ["open", "monday", "friday", "nine", "morning", "five", "afternoon"]);
    }

    [Fact]
    public async Task Call_CallerTalksOverAgent_PlayoutStopsWithinBoundAndHistoryHoldsOnlyWhatWasPlayed()
    {
        await using var edge = await ConversationEdgeHost.StartAsync(Agent());
        await using var caller = await CallAsync(edge);
        await caller.WaitForAgentToFinishAsync(1_500, Long);
        var question = CallerSpeech(Question);
        var interruption = CallerSpeech("hello hello");

        var asked = Stopwatch.GetTimestamp();
        caller.Say(question);
        var questionEnd = asked + (long)(Stopwatch.Frequency * (question.Length / 16_000.0));
        await WaitUntilAsync(() => caller.LastLoudArrival() > questionEnd);

        // The agent has been answering for a while: talk over it.
        await Task.Delay(1_200);
        var interrupted = Stopwatch.GetTimestamp();
        caller.Say(interruption);
        await WaitUntilAsync(() => caller.LastSpeechStartedAt > interrupted);
        var bargeInAt = caller.LastSpeechStartedAt;

        // Wait for the answer to the interruption before hanging up, so that the turn is complete.
        await WaitUntilAsync(() => caller.LastLoudArrival() > bargeInAt + Stopwatch.Frequency);
        await caller.WaitForAgentToFinishAsync(1_000, Long);
        var stopMs = Stopwatch.GetElapsedTime(bargeInAt, FindLastLoudBefore(caller, bargeInAt + Stopwatch.Frequency)).TotalMilliseconds;
        await caller.HangUpAsync();
        var record = await edge.Records.FirstRecord.WaitAsync(Long);

        output.WriteLine($"agent audio stopped {stopMs:F0} ms after the caller started talking over it");
        output.WriteLine("edge transcript: " + string.Join(" / ", record.Turns.Select(t => t.Role + ": " + t.Text + (t.Interrupted ? " [interrupted]" : ""))));
        Assert.InRange(stopMs, 0, StopBoundMs);
        var cut = Assert.Single(record.Turns, t => t.Interrupted && t.Role == TurnRoles.Agent && t.Text.Length > 0 && HoursReply.StartsWith(t.Text, StringComparison.Ordinal));
        Assert.StartsWith(cut.Text, HoursReply, StringComparison.Ordinal);
        Assert.True(cut.Text.Length < HoursReply.Length, "the interrupted reply holds only what was played: " + cut.Text);
        await VerifyBargeInAsync(edge, caller, new BargeInObservation(asked, bargeInAt, bargeInAt + (long)(Stopwatch.Frequency * (interruption.Length / 16_000.0)), cut));
    }

    [Fact]
    public async Task Call_SpeechToTextDiesMidCall_CallerHearsApologyAndCallContinues()
    {
        await using var edge = await ConversationEdgeHost.StartAsync(Agent());
        await using var caller = await CallAsync(edge);
        await caller.WaitForAgentToFinishAsync(1_500, Long);
        var question = CallerSpeech(Question);

        edge.SpeechToText.Dead = true;
        var asked = Stopwatch.GetTimestamp();
        caller.Say(question);
        await caller.WaitForAgentToFinishAsync(1_000, Long);
        var apology = caller.ReceivedSince(asked);

        edge.SpeechToText.Dead = false;
        var askedAgain = Stopwatch.GetTimestamp();
        caller.Say(question);
        await caller.WaitForAgentToFinishAsync(1_000, Long);
        await caller.HangUpAsync();
        var record = await edge.Records.FirstRecord.WaitAsync(Long);

        output.WriteLine("edge transcript: " + string.Join(" / ", record.Turns.Select(t => t.Role + ": " + t.Text)));
        Assert.Contains(record.Turns, t => t.Role == TurnRoles.Agent && t.Text.StartsWith("I'm sorry", StringComparison.Ordinal));
        await AssertHeardAsync(edge, apology, new ConversationOptions().ApologyText, ["sorry", "problem", "again"]);
        Assert.Equal(HoursReply, record.Turns[^1].Text);
        Assert.True(askedAgain > asked);
        Assert.Equal(caller.HangUpCause, record.HangupCause);
    }

    [Fact]
    public async Task Call_EdgeShutsDownMidCall_CallerHearsGoodbyeThenTheEdgeHangsUp()
    {
        await using var edge = await ConversationEdgeHost.StartAsync(Agent());
        await using var caller = await CallAsync(edge);
        await caller.WaitForAgentToFinishAsync(1_500, Long);

        var stoppedAt = Stopwatch.GetTimestamp();
        var stopping = edge.StopAsync();
        var reason = await caller.WaitForEdgeHangUpAsync();
        await stopping;
        var goodbye = caller.ReceivedSince(stoppedAt);
        var record = await edge.Records.FirstRecord.WaitAsync(Long);

        output.WriteLine("the edge hung up with: " + reason);
        Assert.Contains("shutdown", reason, StringComparison.Ordinal);
        await AssertHeardAsync(edge, goodbye, new ConversationOptions().GoodbyeText, ["thank", "calling", "goodbye", "bye"]);
        Assert.Equal("shutdown", record.HangupCause);
        Assert.Equal(TurnRoles.Agent, record.Turns[^1].Role);
        Assert.StartsWith("Thank you for calling", record.Turns[^1].Text, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Long);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static long FindLastLoudBefore(ConversationCaller caller, long before)
    {
        // Step back 20 ms at a time from the window end until audio is loud.
        for (var t = before; t > before - (Stopwatch.Frequency * 3); t -= Stopwatch.Frequency / 50)
        {
            var window = caller.ReceivedSince(t - (Stopwatch.Frequency / 50));
            var upTo = caller.ReceivedSince(t);
            if (window.Length > upTo.Length && ConversationCaller.IsLoud(window.AsSpan(0, window.Length - upTo.Length)))
            {
                return t;
            }
        }

        return before;
    }

    /// <summary>
    /// The caller's words: a fixed recording (flite's command line, <see cref="SpeechAudio"/>), at half level. Not the
    /// edge's embedded TTS: its voice excites with noise that differs from one synthesis to the next, and over 8 kHz
    /// mu-law PocketSphinx mishears some of those takes ("what are your opinion hour"), which is not what these
    /// calls test.
    /// </summary>
    private static short[] CallerSpeech(string text) => [.. SpeechAudio.Pcm16k(text).Select(s => (short)(s / 2))];

    /// <summary>16 kHz speech of <paramref name="text"/> by the edge's TTS (the agent's voice), at half level.</summary>
    private protected static async Task<short[]> SpeechAsync(ConversationEdgeHost edge, string text)
    {
        var response = await edge.TextToSpeech.GetAudioAsync(text, new TextToSpeechOptions { VoiceId = "slt" });
        using var decoder = new TtsAudioDecoder();
        var pcm = new List<short>();
        foreach (var data in response.Contents.OfType<DataContent>())
        {
            pcm.AddRange(decoder.Decode(data.Data.Span, data.MediaType).Span);
        }

        return [.. pcm.Select(s => (short)(s / 2))];
    }

    /// <summary>
    /// Asserts the caller heard the edge's voice say <paramref name="text"/>, whole, in order and at the right rate:
    /// what the caller heard must correlate at 0.9 or more, in the telephone band, with a fresh take of the text by the
    /// edge's TTS. Two takes correlate at about 0.99 there (they differ only in flite's excitation noise); a 100 ms cut,
    /// a 5% rate error or another sentence fall below 0.5. PocketSphinx then checks the take is those words, on its clean
    /// 16 kHz audio: over 8 kHz mu-law it mishears some takes entirely ("and it all you could buy" for "thank you for
    /// calling, goodbye"), so what the caller heard is transcribed for the log only.
    /// </summary>
    private async Task AssertHeardAsync(ConversationEdgeHost edge, short[] heard, string text, string[] keywords)
    {
        var take = await SpeechAsync(edge, text);
        var match = TelephoneBandMatch(take, heard);
        var takeWords = await TranscribeAsync(edge, take);
        var heardWords = await TranscribeAsync(edge, heard);
        output.WriteLine($"\"{text}\": the caller's audio correlates at {match:F3} with a fresh take; PocketSphinx hears the take as \"{takeWords}\", the caller's audio as \"{heardWords}\"");
        Assert.True(match >= 0.9, $"the caller's audio matches \"{text}\" at only {match:F3}");
        Assert.True(keywords.Count(k => takeWords.Contains(k, StringComparison.OrdinalIgnoreCase)) * 2 >= keywords.Length, "the take heard as: " + takeWords);
    }

    /// <summary>
    /// How well <paramref name="heard"/> holds <paramref name="expected"/> (both 16 kHz): the normalised correlation of
    /// their 8 kHz versions, aligned at the speech onset (the first sample above a tenth of the peak) and then at the
    /// best lag within 20 ms of it (the onset may fall on a neighbouring pitch pulse in one of them).
    /// </summary>
    private static double TelephoneBandMatch(short[] expected, short[] heard)
    {
        var reference = Narrowband(expected);
        var received = Narrowband(heard);
        var onset = Onset(received) - Onset(reference);
        var best = AudioAnalysis.BestLag(reference, received, Math.Max(0, onset - 160), Math.Max(0, onset + 160));
        return best.Correlation;
    }

    private static double[] Narrowband(short[] pcm16k)
    {
        var down = new Resampler(16_000, 8_000);
        var pcm = new short[down.MaxOutputLength(pcm16k.Length)];
        return [.. pcm.AsSpan(0, down.Process(pcm16k, pcm)).ToArray().Select(s => (double)s)];
    }

    private static int Onset(double[] pcm)
    {
        var threshold = pcm.Length == 0 ? 0 : pcm.Max(Math.Abs) / 10;
        var i = 0;
        while (i < pcm.Length - 1 && Math.Abs(pcm[i]) <= threshold)
        {
            i++;
        }

        return i;
    }

    private static async Task<string> TranscribeAsync(ConversationEdgeHost edge, short[] pcm)
    {
        using var stream = new MemoryStream(WavFile.Encode(pcm, 16_000));
        var response = await edge.SpeechToText.Engine.GetTextAsync(stream, new SpeechToTextOptions { SpeechSampleRate = 16_000 });
        return response.Text ?? "";
    }
}
