using System.Runtime.InteropServices;
using System.Text;

namespace VoiceConnector.Edge.Ai.Local;

/// <summary>
/// One PocketSphinx decoder (acoustic model, language model and dictionary loaded; tens of MB). NOT thread-safe: use
/// from one thread at a time, which <see cref="PocketSphinxDecoderPool"/> guarantees.
/// </summary>
internal sealed class PocketSphinxDecoder : IDisposable
{
    private const string LanguageModelSearch = "_default";
    private const string GrammarSearch = "agent_grammar";
    private static readonly Lock LogGate = new();
    private static bool _logSilenced;
    private readonly PocketSphinxDecoderHandle _handle;

    public PocketSphinxDecoder(string modelPath)
    {
        SilenceLog();
        string[] argv =
        [
            "pocketsphinx",
            "-hmm", Path.Combine(modelPath, "en-us"),
            "-lm", Path.Combine(modelPath, "en-us.lm.bin"),
            "-dict", Path.Combine(modelPath, "cmudict-en-us.dict"),
            "-dither", "no",
        ];
        var config = PocketSphinxNative.cmd_ln_parse_r(IntPtr.Zero, PocketSphinxNative.ps_args(), argv.Length, argv, 1);
        if (config == IntPtr.Zero)
        {
            throw new InvalidOperationException($"PocketSphinx rejected its configuration (model path {modelPath})");
        }

        try
        {
            _handle = PocketSphinxNative.ps_init(config);
        }
        finally
        {
            // ps_init keeps its own reference to the configuration.
            _ = PocketSphinxNative.cmd_ln_free_r(config); // returns the remaining reference count
        }

        if (_handle.IsInvalid)
        {
            _handle.Dispose();
            throw new InvalidOperationException($"PocketSphinx could not load the model from {modelPath}");
        }
    }

    /// <summary>Decodes one whole utterance of 16 kHz PCM, with the language model or, when given, a JSGF grammar.</summary>
    /// <exception cref="ArgumentException">The grammar does not compile.</exception>
    public unsafe string Decode(ReadOnlySpan<short> pcm16k, string? jsgf)
    {
        var search = LanguageModelSearch;
        if (jsgf is not null)
        {
            if (PocketSphinxNative.ps_set_jsgf_string(_handle, GrammarSearch, jsgf) != 0)
            {
                throw new ArgumentException("PocketSphinx rejected the JSGF grammar", nameof(jsgf));
            }

            search = GrammarSearch;
        }

        try
        {
            Check(PocketSphinxNative.ps_set_search(_handle, search), "ps_set_search");
            Check(PocketSphinxNative.ps_start_utt(_handle), "ps_start_utt");
            fixed (short* samples = pcm16k)
            {
                Check(PocketSphinxNative.ps_process_raw(_handle, samples, (nuint)pcm16k.Length, 0, 1), "ps_process_raw");
            }

            Check(PocketSphinxNative.ps_end_utt(_handle), "ps_end_utt");
            var hypothesis = PocketSphinxNative.ps_get_hyp(_handle, out _);
            return hypothesis == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(hypothesis) ?? "";
        }
        finally
        {
            if (jsgf is not null)
            {
                _ = PocketSphinxNative.ps_set_search(_handle, LanguageModelSearch); // the language model search always exists
            }
        }
    }

    /// <summary>True when every word of the phrase is in the pronunciation dictionary.</summary>
    public bool KnowsAll(string phrase)
    {
        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var phones = PocketSphinxNative.ps_lookup_word(_handle, word);
            if (phones == IntPtr.Zero)
            {
                return false;
            }

            PocketSphinxNative.ckd_free(phones);
        }

        return true;
    }

    /// <summary>A JSGF grammar accepting one or more of the phrases in a row.</summary>
    public static string GrammarFor(IEnumerable<string> phrases)
    {
        var grammar = new StringBuilder("#JSGF V1.0;\ngrammar agent;\npublic <utterance> = ( ");
        grammar.AppendJoin(" | ", phrases);
        return grammar.Append(" )+ ;\n").ToString();
    }

    public void Dispose() => _handle.Dispose();

    private static void Check(int result, string function)
    {
        if (result < 0)
        {
            throw new InvalidOperationException($"PocketSphinx {function} failed ({result})");
        }
    }

    private static void SilenceLog()
    {
        lock (LogGate)
        {
            if (!_logSilenced)
            {
                _ = PocketSphinxNative.err_set_logfp(IntPtr.Zero); // returns the previous log file
                _logSilenced = true;
            }
        }
    }
}
