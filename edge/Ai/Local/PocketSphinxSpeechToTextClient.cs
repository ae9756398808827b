using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Ai.Audio;
using VoiceConnector.Edge.Media.Resampling;

// MEAI001: the speech-to-text abstractions are [Experimental] in Microsoft.Extensions.AI 10.11; we adopt them on purpose.
#pragma warning disable MEAI001

namespace VoiceConnector.Edge.Ai.Local;

/// <summary>
/// Embedded STT: PocketSphinx (en-us wideband model) through P/Invoke. Input: WAV or raw PCM at
/// <see cref="SpeechToTextOptions.SpeechSampleRate"/>; anything not 16 kHz is resampled to 16 kHz (8 kHz phone audio
/// keeps its 4 kHz band limit, hence far worse accuracy: prefer G.722 calls or a grammar).
/// Optional per request, for agents with a small vocabulary: <see cref="GrammarPhrasesKey"/> (the phrases the caller
/// may say, any sequence of them) or <see cref="JsgfKey"/> (a JSGF grammar) in
/// <see cref="SpeechToTextOptions.AdditionalProperties"/>. Thread-safe: decoders are pooled.
/// </summary>
public sealed class PocketSphinxSpeechToTextClient : ISpeechToTextClient, IWarmUp
{
    /// <summary>AdditionalProperties key: phrases (IEnumerable&lt;string&gt;) the recogniser is restricted to.</summary>
    public const string GrammarPhrasesKey = "grammar_phrases";

    /// <summary>AdditionalProperties key: a complete JSGF grammar (string).</summary>
    public const string JsgfKey = "jsgf";

    private const int SampleRate = 16000;
    private static readonly SpeechToTextClientMetadata Metadata = new("pocketsphinx", null, "en-us");
    private readonly PocketSphinxDecoderPool _pool;

    public PocketSphinxSpeechToTextClient(IOptions<PocketSphinxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pool = new PocketSphinxDecoderPool(options.Value);
    }

    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        var audio = WholeBufferResampler.Resample(await SpeechInput.ReadAsync(audioSpeechStream, options, cancellationToken), SampleRate);
        var phrases = Phrases(options);
        var jsgf = options?.AdditionalProperties?.TryGetValue(JsgfKey, out var raw) == true ? raw as string : null;
        var text = await _pool.RunAsync(
            decoder =>
            {
                var grammar = jsgf;
                if (grammar is null && phrases.Count > 0)
                {
                    var known = phrases.Where(decoder.KnowsAll).ToList();
                    grammar = known.Count > 0 ? PocketSphinxDecoder.GrammarFor(known) : null;
                }

                return decoder.Decode(audio.Samples, grammar);
            },
            cancellationToken);
        return new SpeechToTextResponse(text) { ModelId = "en-us", StartTime = TimeSpan.Zero, EndTime = audio.Duration };
    }

    /// <summary>PocketSphinx decodes whole utterances here: one final update with the text.</summary>
    public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(
        Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetTextAsync(audioSpeechStream, options, cancellationToken);
        yield return new SpeechToTextResponseUpdate(response.Text)
        {
            Kind = SpeechToTextResponseUpdateKind.TextUpdated,
            ModelId = response.ModelId,
            StartTime = response.StartTime,
            EndTime = response.EndTime,
        };
    }

    /// <summary>Loads a decoder (about a second) so the first caller does not wait for it.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        _pool.RunAsync(decoder => decoder.Decode(new short[SampleRate / 10], null), cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(SpeechToTextClientMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => _pool.Dispose();

    private static List<string> Phrases(SpeechToTextOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(GrammarPhrasesKey, out var value) != true || value is not IEnumerable<string> phrases)
        {
            return [];
        }

        var cleaned = new List<string>();
        foreach (var phrase in phrases)
        {
            var words = new string(phrase.ToLowerInvariant().Select(c => char.IsLetter(c) || c == '\'' ? c : ' ').ToArray());
            var normalised = string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (normalised.Length > 0)
            {
                cleaned.Add(normalised);
            }
        }

        return cleaned;
    }
}
