using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Ai.Piper;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Media.Resampling;

// MEAI001: the text-to-speech abstractions are [Experimental] in Microsoft.Extensions.AI 10.11; we adopt them on purpose.
#pragma warning disable MEAI001

namespace VoiceConnector.Edge.Ai.Local;

/// <summary>
/// Embedded TTS: flite's cmu_us_slt voice through P/Invoke, returning a 16 kHz mono 16-bit WAV
/// <see cref="DataContent"/> (same shape as <see cref="PiperTextToSpeechClient"/>). The voice is registered once per
/// process and kept for its lifetime (flite cannot register it again after unregistering). flite keeps state in the
/// voice, so syntheses are serialised process-wide (flite runs many times faster than real time). Synthesis runs on
/// the thread pool, not on the caller's thread.
/// </summary>
public sealed class FliteTextToSpeechClient : ITextToSpeechClient, IWarmUp
{
    public const int SampleRate = 16000;
    private static readonly TextToSpeechClientMetadata Metadata = new("flite", null, "cmu_us_slt");
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Lazy<FliteVoiceHandle> SharedVoice = new(RegisterVoice);
    private readonly FliteVoiceHandle _voice = SharedVoice.Value;

    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        await Gate.WaitAsync(cancellationToken);
        PcmAudio audio;
        try
        {
            audio = await Task.Run(() => Synthesize(text), cancellationToken);
        }
        finally
        {
            Gate.Release();
        }

        return new TextToSpeechResponse([PiperTextToSpeechClient.AudioContent(WholeBufferResampler.Resample(audio, SampleRate))]) { ModelId = "cmu_us_slt" };
    }

    /// <summary>flite synthesises whole texts: one update with the complete audio.</summary>
    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(
        string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetAudioAsync(text, options, cancellationToken);
        yield return new TextToSpeechResponseUpdate(response.Contents) { Kind = TextToSpeechResponseUpdateKind.AudioUpdated, ModelId = response.ModelId };
    }

    /// <summary>Registers the voice and synthesises one word.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) => GetAudioAsync("Hello.", null, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(TextToSpeechClientMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The voice is shared by every instance for the process lifetime.
    }

    private static FliteVoiceHandle RegisterVoice()
    {
        if (FliteNative.flite_init() != 0)
        {
            throw new InvalidOperationException("flite_init failed");
        }

        var voice = FliteNative.register_cmu_us_slt(null);
        if (voice.IsInvalid)
        {
            voice.Dispose();
            throw new InvalidOperationException("flite could not register the cmu_us_slt voice");
        }

        return voice;
    }

    private PcmAudio Synthesize(string text)
    {
        using var wave = FliteNative.flite_text_to_wave(text, _voice);
        if (wave.IsInvalid)
        {
            throw new InvalidOperationException("flite_text_to_wave returned no audio");
        }

        var (samples, rate) = wave.Read();
        return new PcmAudio(samples, rate);
    }
}
