using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Conversation.Audio;

namespace VoiceConnector.Edge.Conversation.Fallbacks;

#pragma warning disable MEAI001 // ITextToSpeechClient is [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>
/// The fixed prompts (apology, goodbye, re-prompt, not in service, fallback greeting) rendered once per voice with the
/// TTS and kept as 16 kHz PCM, so they play instantly and without the TTS; the bundled recordings stand in for any
/// prompt the TTS could not render (and rendering is tried again on a later call).
/// </summary>
public sealed partial class FallbackPromptLibrary(ITextToSpeechClient tts, IOptions<ConversationOptions> options, ILogger<FallbackPromptLibrary> logger)
{
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, Task<IReadOnlyDictionary<FallbackPrompt, ReadOnlyMemory<short>>>> rendered = new(StringComparer.Ordinal);

    /// <summary>The text of a prompt (as configured).</summary>
    public string Text(FallbackPrompt prompt)
    {
        var o = options.Value;
        return prompt switch
        {
            FallbackPrompt.Apology => o.ApologyText,
            FallbackPrompt.Goodbye => o.GoodbyeText,
            FallbackPrompt.Reprompt => o.RepromptText,
            FallbackPrompt.NotInService => o.NotInServiceText,
            _ => o.FallbackGreetingText,
        };
    }

    /// <summary>
    /// The prompts for a voice: rendered by the TTS (once per voice), else the bundled recordings. Never throws
    /// for a TTS failure; waits at most the render timeout.
    /// </summary>
    public async Task<IReadOnlyDictionary<FallbackPrompt, ReadOnlyMemory<short>>> GetAsync(string voice, CancellationToken cancellationToken)
    {
        var task = rendered.GetOrAdd(voice, v => RenderAllAsync(v));
        var prompts = await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (prompts.Count < Enum.GetValues<FallbackPrompt>().Length)
        {
            // Some prompts are bundled recordings: let a later call try the TTS again.
            rendered.TryRemove(new KeyValuePair<string, Task<IReadOnlyDictionary<FallbackPrompt, ReadOnlyMemory<short>>>>(voice, task));
            return WithBundled(prompts);
        }

        return prompts;
    }

    /// <summary>The bundled recording of a prompt (for when nothing else is available).</summary>
    public static ReadOnlyMemory<short> Bundled(FallbackPrompt prompt) => BundledPrompts.Get(prompt);

    private static Dictionary<FallbackPrompt, ReadOnlyMemory<short>> WithBundled(IReadOnlyDictionary<FallbackPrompt, ReadOnlyMemory<short>> prompts)
    {
        var all = new Dictionary<FallbackPrompt, ReadOnlyMemory<short>>();
        foreach (var prompt in Enum.GetValues<FallbackPrompt>())
        {
            all[prompt] = prompts.TryGetValue(prompt, out var pcm) ? pcm : BundledPrompts.Get(prompt);
        }

        return all;
    }

    private async Task<IReadOnlyDictionary<FallbackPrompt, ReadOnlyMemory<short>>> RenderAllAsync(string voice)
    {
        var result = new Dictionary<FallbackPrompt, ReadOnlyMemory<short>>();
        using var timeout = new CancellationTokenSource(RenderTimeout);
        foreach (var prompt in Enum.GetValues<FallbackPrompt>())
        {
            try
            {
                result[prompt] = await RenderAsync(Text(prompt), voice, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogRenderFailed(logger, prompt, voice, ex);
                break;
            }
        }

        return result;
    }

    private async Task<ReadOnlyMemory<short>> RenderAsync(string text, string voice, CancellationToken cancellationToken)
    {
        var ttsOptions = new TextToSpeechOptions { VoiceId = voice.Length == 0 ? null : voice };
        var response = await tts.GetAudioAsync(text, ttsOptions, cancellationToken).ConfigureAwait(false);
        using var decoder = new TtsAudioDecoder();
        var pcm = new List<short>();
        foreach (var content in response.Contents)
        {
            if (content is DataContent data)
            {
                pcm.AddRange(decoder.Decode(data.Data.Span, data.MediaType).Span);
            }
        }

        return pcm.Count > 0 ? pcm.ToArray() : throw new InvalidDataException("The TTS returned no audio.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not render the {Prompt} prompt with voice '{Voice}'; using the bundled recording")]
    private static partial void LogRenderFailed(ILogger logger, FallbackPrompt prompt, string voice, Exception exception);
}
