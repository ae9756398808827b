using System.Runtime.InteropServices;

namespace VoiceConnector.Edge.Ai.Local;

/// <summary>
/// The PocketSphinx 5prealpha C API (Debian libpocketsphinx3, libsphinxbase3). Non-variadic entry points only:
/// the configuration is built with <c>cmd_ln_parse_r</c> (argv style, argv[0] skipped), not <c>cmd_ln_init</c>.
/// A decoder is not thread-safe: one thread at a time per <c>ps_decoder_t</c>.
/// </summary>
internal static partial class PocketSphinxNative
{
    private const string PocketSphinx = "libpocketsphinx.so.3";
    private const string SphinxBase = "libsphinxbase.so.3";

    [LibraryImport(PocketSphinx)]
    internal static partial IntPtr ps_args();

    [LibraryImport(SphinxBase, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr cmd_ln_parse_r(IntPtr config, IntPtr definitions, int argc, string[] argv, int strict);

    [LibraryImport(SphinxBase)]
    internal static partial int cmd_ln_free_r(IntPtr config);

    /// <summary>Sends sphinx's own log nowhere (NULL file).</summary>
    [LibraryImport(SphinxBase)]
    internal static partial IntPtr err_set_logfp(IntPtr stream);

    [LibraryImport(PocketSphinx)]
    internal static partial PocketSphinxDecoderHandle ps_init(IntPtr config);

    [LibraryImport(PocketSphinx)]
    internal static partial int ps_free(IntPtr decoder);

    [LibraryImport(PocketSphinx)]
    internal static partial int ps_start_utt(PocketSphinxDecoderHandle decoder);

    [LibraryImport(PocketSphinx)]
    internal static unsafe partial int ps_process_raw(PocketSphinxDecoderHandle decoder, short* data, nuint samples, int noSearch, int fullUtterance);

    [LibraryImport(PocketSphinx)]
    internal static partial int ps_end_utt(PocketSphinxDecoderHandle decoder);

    /// <summary>Returns a string owned by the decoder (valid until its next call), or NULL.</summary>
    [LibraryImport(PocketSphinx)]
    internal static partial IntPtr ps_get_hyp(PocketSphinxDecoderHandle decoder, out int bestScore);

    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ps_set_jsgf_string(PocketSphinxDecoderHandle decoder, string name, string jsgf);

    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ps_set_search(PocketSphinxDecoderHandle decoder, string name);

    /// <summary>The word's pronunciation, or NULL when it is not in the dictionary (the result must be freed: ckd_free).</summary>
    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr ps_lookup_word(PocketSphinxDecoderHandle decoder, string word);

    [LibraryImport(SphinxBase)]
    internal static partial void ckd_free(IntPtr pointer);
}
