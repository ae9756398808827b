using VoiceConnector.Edge.Conversation.Audio;

namespace VoiceConnector.Edge.Conversation.Fallbacks;

/// <summary>
/// Recordings of the default prompt texts (flite, cmu_us_slt voice, 16 kHz), embedded in the edge, used when the
/// TTS cannot render a prompt so that a dead TTS never means dead air.
/// </summary>
internal static class BundledPrompts
{
    private static readonly Lazy<IReadOnlyDictionary<FallbackPrompt, short[]>> Recordings = new(Load);

    public static ReadOnlyMemory<short> Get(FallbackPrompt prompt) => Recordings.Value[prompt];

    private static Dictionary<FallbackPrompt, short[]> Load()
    {
        var result = new Dictionary<FallbackPrompt, short[]>();
        foreach (var prompt in Enum.GetValues<FallbackPrompt>())
        {
            result[prompt] = Read(FileName(prompt));
        }

        return result;
    }

    private static string FileName(FallbackPrompt prompt) => prompt switch
    {
        FallbackPrompt.Apology => "apology",
        FallbackPrompt.Goodbye => "goodbye",
        FallbackPrompt.Reprompt => "reprompt",
        FallbackPrompt.NotInService => "not-in-service",
        _ => "greeting",
    };

    private static short[] Read(string name)
    {
        var resource = $"VoiceConnector.Edge.Conversation.Fallbacks.Prompts.{name}.wav";
        using var stream = typeof(BundledPrompts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The bundled prompt '{resource}' is missing from the edge assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        using var decoder = new TtsAudioDecoder();
        return decoder.Decode(copy.GetBuffer().AsSpan(0, (int)copy.Length), "audio/wav").ToArray();
    }
}
