using System.Diagnostics.Metrics;
using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Conversation.Metrics;

/// <summary>Per-turn latency histograms (milliseconds from the end of the caller's speech) on Meter <c>VoiceConnector.Edge</c>.</summary>
public sealed class ConversationMetrics
{
    public const string MeterName = "VoiceConnector.Edge";

    private readonly Histogram<double> transcript;
    private readonly Histogram<double> firstToken;
    private readonly Histogram<double> firstSentence;
    private readonly Histogram<double> firstTtsAudio;
    private readonly Histogram<double> firstAudioSent;
    private readonly Counter<long> bargeIns;
    private readonly Counter<long> fallbacks;

    public ConversationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        transcript = meter.CreateHistogram<double>("conversation.turn.transcript", "ms", "End of caller speech to transcript");
        firstToken = meter.CreateHistogram<double>("conversation.turn.first_token", "ms", "End of caller speech to first LLM token");
        firstSentence = meter.CreateHistogram<double>("conversation.turn.first_sentence", "ms", "End of caller speech to first complete sentence");
        firstTtsAudio = meter.CreateHistogram<double>("conversation.turn.first_tts_audio", "ms", "End of caller speech to first TTS audio");
        firstAudioSent = meter.CreateHistogram<double>("conversation.turn.first_audio_sent", "ms", "End of caller speech to first reply audio queued for the caller");
        bargeIns = meter.CreateCounter<long>("conversation.barge_ins", description: "Agent replies interrupted by the caller");
        fallbacks = meter.CreateCounter<long>("conversation.fallback_prompts", description: "Spoken apologies and fallback prompts after a service failure");
    }

    public void Record(TurnTimings timings)
    {
        ArgumentNullException.ThrowIfNull(timings);
        RecordIf(transcript, timings.TranscriptMs);
        RecordIf(firstToken, timings.FirstTokenMs);
        RecordIf(firstSentence, timings.FirstSentenceMs);
        RecordIf(firstTtsAudio, timings.FirstTtsAudioMs);
        RecordIf(firstAudioSent, timings.FirstAudioSentMs);
    }

    public void BargeIn() => bargeIns.Add(1);

    public void Fallback() => fallbacks.Add(1);

    private static void RecordIf(Histogram<double> histogram, double? value)
    {
        if (value is { } ms)
        {
            histogram.Record(ms);
        }
    }
}
